# mignet $MIGNET_VERSION from $MIGNET_RELEASES_URL/v$MIGNET_VERSION/, checked against its
# SHA-256 and kept in $MIGNET_CACHE/$MIGNET_VERSION (a prefix: bin/mignet).
set -eu
case "$MIGNET_RELEASES_URL" in
  *REPLACE-WITH-*)
    echo "mignet: set MIGNET_RELEASES_URL to where mignet releases are downloaded from (RELEASES_URL/vVERSION/FILE), or build mignet $MIGNET_VERSION from its tag (see docs/installing.md in mignet's repository)" >&2
    exit 1 ;;
esac
name="mignet-$MIGNET_VERSION-linux-$(uname -m)"
prefix="$MIGNET_CACHE/$MIGNET_VERSION"
if [ ! -x "$prefix/bin/mignet" ]; then
  rm -rf "$prefix.download" && mkdir -p "$prefix.download"
  (cd "$prefix.download" &&
    curl -fsSL -o "$name.tar.gz" "$MIGNET_RELEASES_URL/v$MIGNET_VERSION/$name.tar.gz" &&
    curl -fsSL -o "$name.tar.gz.sha256" "$MIGNET_RELEASES_URL/v$MIGNET_VERSION/$name.tar.gz.sha256" &&
    sha256sum -c "$name.tar.gz.sha256" &&
    tar -xzf "$name.tar.gz" --strip-components 1 &&
    rm "$name.tar.gz" "$name.tar.gz.sha256")
  mv "$prefix.download" "$prefix"
fi
"$prefix/bin/mignet" --version
