#!/bin/sh
# scripts/static-libs.sh DIR: prepares DIR so that a Swift build links libyaml and the C++ runtime
# statically, and prints the PKG_CONFIG_PATH to build with. DIR/lib gets links to libyaml.a
# (libyaml-dev) and libstdc++.a (as the toolchain's clang finds it); DIR/pkgconfig/yaml-0.1.pc
# names DIR/lib first, so the linker finds the archives before the shared libraries. Build with
#   PKG_CONFIG_PATH=$(scripts/static-libs.sh DIR) swift build -c release --static-swift-stdlib \
#       -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
# (release.sh and the benchmark do).
set -eu
dir="$1"
libdir=$(pkg-config --variable=libdir yaml-0.1) || { echo "static-libs.sh: pkg-config cannot find yaml-0.1: apt-get install -y libyaml-dev pkg-config" >&2; exit 1; }
if [ ! -f "$libdir/libyaml.a" ]; then
    echo "static-libs.sh: $libdir/libyaml.a is missing: apt-get install -y libyaml-dev" >&2
    exit 1
fi
cxx=$(clang -print-file-name=libstdc++.a 2>/dev/null || true)
if [ -z "$cxx" ] || [ ! -f "$cxx" ]; then
    echo "static-libs.sh: no libstdc++.a found: the C++ runtime cannot be linked statically" >&2
    exit 1
fi
mkdir -p "$dir/lib" "$dir/pkgconfig"
ln -sf "$libdir/libyaml.a" "$dir/lib/libyaml.a"
ln -sf "$cxx" "$dir/lib/libstdc++.a"
cat > "$dir/pkgconfig/yaml-0.1.pc" <<PC
Name: LibYAML
Description: libyaml, linked statically
Version: $(pkg-config --modversion yaml-0.1)
Cflags: $(pkg-config --cflags yaml-0.1)
Libs: -L$dir/lib -lyaml
PC
echo "$dir/pkgconfig"
