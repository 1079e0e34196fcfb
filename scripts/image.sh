#!/bin/sh
# Builds the Argo CD repo-server sidecar image of a release: scripts/image.sh [DIST] (default:
# dist), after scripts/release.sh DIST.
#
# The image is FROM scratch: the release binary at /usr/local/bin/mignet, the C library files it
# links as ldd names them (the dynamic loader, libc, libm: nothing else), an empty /tmp (where the
# sidecar patch mounts its own), PATH=/usr/local/bin so that argocd-cmp-server finds mignet, and
# USER 999 (Argo CD's user). It has no entrypoint: the patch runs argocd-cmp-server from the
# shared var-files volume. Built with buildah (apt-get install buildah; rootless-friendly: the vfs
# storage driver, chroot isolation), one layer, every timestamp 0.
#
# Writes DIST/mignet-VERSION-image-linux-ARCH.oci.tar (an OCI archive, tagged mignet:VERSION) and
# beside it mignet-VERSION-image-linux-ARCH.oci.tar.digest (the image manifest's sha256 digest),
# prints their paths. Publish it with skopeo:
#   skopeo copy oci-archive:DIST/mignet-VERSION-image-linux-ARCH.oci.tar docker://REGISTRY/mignet:VERSION
set -eu

cd "$(dirname "$0")/.."
dist="${1:-dist}"
storage="--storage-driver ${MIGNET_BUILDAH_STORAGE_DRIVER:-vfs}"

tarball=$(ls "$dist"/mignet-*-linux-*.tar.gz 2>/dev/null | head -n 1)
if [ -z "$tarball" ]; then
    echo "image.sh: no mignet-*-linux-*.tar.gz in $dist: run scripts/release.sh $dist first" >&2
    exit 1
fi
command -v buildah >/dev/null 2>&1 || { echo "image.sh: buildah is not installed: apt-get install -y buildah" >&2; exit 1; }

work=$(mktemp -d)
container=""
cleanup() {
    if [ -n "$container" ]; then buildah $storage rm "$container" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

tar -xzf "$tarball" -C "$work"
name=$(basename "$tarball" .tar.gz)
binary="$work/$name/bin/mignet"
version=$("$binary" --version)
arch=${name##*-linux-}

root="$work/root"
mkdir -p "$root/usr/local/bin" "$root/tmp"
chmod 1777 "$root/tmp"
cp "$binary" "$root/usr/local/bin/mignet"
# The C library, at the paths the binary asks for (the loader at its PT_INTERP path), each the
# file itself rather than a link.
for library in $(ldd "$binary" | awk '$2 == "=>" { print $3; next } $1 ~ /^\// { print $1 }'); do
    case "$(basename "$library")" in
        libc.so.*|libm.so.*|ld-linux*.so.*) ;;
        *) echo "image.sh: $binary needs $library; only the C library may be in the image" >&2; exit 1 ;;
    esac
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
done

archive="$dist/mignet-$version-image-linux-$arch.oci.tar"
container=$(buildah $storage from scratch)
buildah $storage copy --quiet "$container" "$root" / >/dev/null
buildah $storage config --user 999 --env PATH=/usr/local/bin --workingdir /tmp \
    --label org.opencontainers.image.title=mignet --label org.opencontainers.image.version="$version" \
    --os linux --arch "$(case "$arch" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; *) echo "$arch" ;; esac)" \
    "$container"
rm -f "$archive"
buildah $storage commit --quiet --rm --squash --timestamp 0 --disable-compression=false --format oci "$container" "oci-archive:$archive:mignet:$version" >/dev/null
container=""
# The manifest's digest, as index.json lists it.
digest=$(tar -xOf "$archive" index.json | grep -o '"digest":"sha256:[0-9a-f]*"' | head -n 1 | cut -d '"' -f 4)
echo "$digest" > "$archive.digest"

echo "$archive"
echo "$archive.digest"
