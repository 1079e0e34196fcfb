#!/bin/sh
# Builds mignet's release binary and packs it: scripts/release.sh [OUTPUT-DIR] (default: dist).
#
# The binary needs only the C library at run time: the Swift runtime and libraries are linked
# statically (--static-swift-stdlib), and so are libyaml (libyaml-dev's libyaml.a) and the C++
# runtime (libstdc++.a, -static-libgcc), which scripts/static-libs.sh makes the linker choose
# over the shared libraries. The script checks that with ldd and fails otherwise.
#
# Prints the version (mignet --version, the one version string), then writes
# OUTPUT-DIR/mignet-VERSION-linux-ARCH.tar.gz and beside it mignet-VERSION-linux-ARCH.tar.gz.sha256
# (sha256sum's format). The tarball unpacks to one folder laid out as a prefix:
#   bin/mignet                                    the binary
#   share/man/man1/mignet.1                       the man page (swift-argument-parser's
#                                                 generate-manual, from the same command tree
#                                                 as --help and docs/commands.md)
#   share/bash-completion/completions/mignet      completions, from the argument parser
#   share/zsh/site-functions/_mignet
#   share/fish/vendor_completions.d/mignet.fish
#   share/doc/mignet/README.md, share/doc/mignet/docs/   the documentation, as the README links it
# It is the same bytes for the same binary: sorted names, fixed owner and times, gzip without a
# timestamp, and the man page dated by MIGNET_RELEASE_DATE (default: the last commit's date).
#
# With MIGNET_RELEASES_URL (where releases are downloaded from: RELEASES_URL/vVERSION/FILE), it
# also writes OUTPUT-DIR/krew/mignet.yaml, the krew plugin manifest of the tarball (its URL, its
# SHA-256 and the binary's path inside it), and prints its path.
set -eu

cd "$(dirname "$0")/.."
output="${1:-dist}"
build="${MIGNET_RELEASE_BUILD_PATH:-.build-release}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# libyaml and the C++ runtime as static archives, found before the shared libraries.
pkgconfig=$(scripts/static-libs.sh "$work/static")
PKG_CONFIG_PATH="$pkgconfig" swift build -c release --static-swift-stdlib --disable-local-rpath --build-path "$build" \
    -Xswiftc -Xclang-linker -Xswiftc -static-libgcc >&2
binary="$build/release/mignet"

# Only the C library (libc, libm, the dynamic loader, the kernel's vDSO) may remain.
libraries=$(ldd "$binary" | awk '{ print $1 }')
for library in $libraries; do
    case "$library" in
        linux-vdso.so.*|linux-gate.so.*|libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|/lib*/ld-linux*.so.*|ld-linux*.so.*) ;;
        *) echo "release.sh: $binary needs $library at run time; only the C library may remain" >&2; exit 1 ;;
    esac
done

version=$("$binary" --version)
arch=$(uname -m)
name="mignet-$version-linux-$arch"
prefix="$work/$name"
mkdir -p "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" "$prefix/share/doc/mignet"
cp "$binary" "$prefix/bin/mignet"
strip "$prefix/bin/mignet"
cp README.md "$prefix/share/doc/mignet/README.md"
cp -R docs "$prefix/share/doc/mignet/docs"

# The man page, from the binary's own command tree (--experimental-dump-help).
date="${MIGNET_RELEASE_DATE:-$(git log -1 --format=%cs 2>/dev/null || echo 1970-01-01)}"
swift build --build-path "$build" --product generate-manual >&2
manual="$(swift build --build-path "$build" --product generate-manual --show-bin-path)/generate-manual"
mkdir "$work/manual"
"$manual" "$prefix/bin/mignet" --date "$date" --section 1 --output-directory "$work/manual" >&2
cp "$work/manual/mignet.1" "$prefix/share/man/man1/mignet.1"

# The completion scripts, from the argument parser.
"$prefix/bin/mignet" --generate-completion-script bash > "$prefix/share/bash-completion/completions/mignet"
"$prefix/bin/mignet" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_mignet"
"$prefix/bin/mignet" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/mignet.fish"

chmod -R u=rwX,go=rX "$prefix"
mkdir -p "$output"
tar -C "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - "$name" | gzip -n -9 > "$output/$name.tar.gz"
(cd "$output" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "$version"
echo "$output/$name.tar.gz"
echo "$output/$name.tar.gz.sha256"

if [ -n "${MIGNET_RELEASES_URL:-}" ]; then
    case "$arch" in
        x86_64) krew_arch=amd64 ;;
        aarch64) krew_arch=arm64 ;;
        *) krew_arch="$arch" ;;
    esac
    sum=$(cut -d ' ' -f 1 "$output/$name.tar.gz.sha256")
    mkdir -p "$output/krew"
    cat > "$output/krew/mignet.yaml" <<EOF
apiVersion: krew.googlecontainertools.github.com/v1alpha2
kind: Plugin
metadata:
  name: mignet
spec:
  version: v$version
  shortDescription: Compile and check Harvester's VM migration network for GitOps
  description: |
    mignet compiles declarative specs of Harvester's vm-migration-network setting into
    byte-exact manifests for Argo CD, Fleet or kubectl, and checks clusters against them:
    kubectl mignet preflight SPEC --live, kubectl mignet verify SPEC --live.
  platforms:
    - selector:
        matchLabels:
          os: linux
          arch: $krew_arch
      uri: ${MIGNET_RELEASES_URL%/}/v$version/$name.tar.gz
      sha256: $sum
      bin: $name/bin/mignet
EOF
    echo "$output/krew/mignet.yaml"
fi
