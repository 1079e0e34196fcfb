#!/bin/sh
# Builds mignet's release binary and packs it: scripts/release.sh [OUTPUT-DIR] (default: dist).
#
# The binary needs only the C library at run time: the Swift runtime and libraries are linked
# statically (--static-swift-stdlib), and so are libyaml (libyaml-dev's libyaml.a) and the C++
# runtime (libstdc++.a, -static-libgcc), which scripts/static-libs.sh makes the linker choose
# over the shared libraries. The script checks that with ldd and fails otherwise.
#
# Prints the version (mignet --version, the one version string), then writes
# OUTPUT-DIR/mignet-VERSION-linux-ARCH.tar.gz (the binary, README.md) and beside it
# mignet-VERSION-linux-ARCH.tar.gz.sha256 (sha256sum's format). The tarball is the same bytes for
# the same binary: sorted names, fixed owner and times, gzip without a timestamp.
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
name="mignet-$version-linux-$(uname -m)"
mkdir "$work/$name"
cp "$binary" "$work/$name/mignet"
strip "$work/$name/mignet"
cp README.md "$work/$name/README.md"
mkdir -p "$output"
tar -C "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - "$name" | gzip -n -9 > "$output/$name.tar.gz"
(cd "$output" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "$version"
echo "$output/$name.tar.gz"
echo "$output/$name.tar.gz.sha256"
