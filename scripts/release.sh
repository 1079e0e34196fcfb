#!/bin/sh
# Builds mignet's release binary and packs it: scripts/release.sh [OUTPUT-DIR] (default: dist).
#
# The binary needs only the C library at run time: the Swift runtime and libraries are linked
# statically (--static-swift-stdlib), and so are libyaml (libyaml-dev's libyaml.a) and the C++
# runtime (libstdc++.a, -static-libgcc), which a folder of links to the static archives, put
# first on the linker's search path through a pkg-config file for yaml-0.1, makes the linker
# choose over the shared libraries. The script checks that with ldd and fails otherwise.
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

libdir=$(pkg-config --variable=libdir yaml-0.1) || { echo "release.sh: pkg-config cannot find yaml-0.1: apt-get install -y libyaml-dev pkg-config" >&2; exit 1; }
if [ ! -f "$libdir/libyaml.a" ]; then
    echo "release.sh: $libdir/libyaml.a is missing: apt-get install -y libyaml-dev" >&2
    exit 1
fi
mkdir "$work/lib" "$work/pkgconfig"
ln -s "$libdir/libyaml.a" "$work/lib/libyaml.a"
cat > "$work/pkgconfig/yaml-0.1.pc" <<EOF
Name: LibYAML
Description: libyaml, linked statically
Version: $(pkg-config --modversion yaml-0.1)
Cflags: $(pkg-config --cflags yaml-0.1)
Libs: -L$work/lib -lyaml
EOF
# The C++ runtime swift-crypto's BoringSSL wrapper links (-lstdc++), as the toolchain's clang finds it.
cxx=$(clang -print-file-name=libstdc++.a 2>/dev/null || true)
if [ -n "$cxx" ] && [ -f "$cxx" ]; then
    ln -s "$cxx" "$work/lib/libstdc++.a"
else
    echo "release.sh: no libstdc++.a found: the C++ runtime cannot be linked statically" >&2
    exit 1
fi

PKG_CONFIG_PATH="$work/pkgconfig" swift build -c release --static-swift-stdlib --disable-local-rpath --build-path "$build" \
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
strip "$work/$name/mignet" 2>/dev/null || true
cp README.md "$work/$name/README.md"
mkdir -p "$output"
tar -C "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - "$name" | gzip -n -9 > "$output/$name.tar.gz"
(cd "$output" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "$version"
echo "$output/$name.tar.gz"
echo "$output/$name.tar.gz.sha256"
