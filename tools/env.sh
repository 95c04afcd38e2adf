# Source me: . tools/env.sh
# On machines where rustup cannot add wasm32 (RUSTUP_WASM unset): cargo/rustc resolve to
# Debian's rustc-web, which builds a wasm32 std with build-std; npm's binaryen 132 wasm-opt
# comes before any other; ~/.cargo/bin keeps trunk and wasm-bindgen.
_app_dir=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." 2>/dev/null && pwd)
_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if [ -f "$_app_dir/.toolchain-route" ] && [ "$(cat "$_app_dir/.toolchain-route")" = rustup ]; then
  export PATH="$_app_dir/node_modules/.bin:$_cargo_bin:$PATH"
else
  export PATH="$_app_dir/node_modules/.bin:/usr/bin:$_cargo_bin:$PATH"
fi
# The wasm build compiles std from source (build-std) when the toolchain has it: Debian's
# rustc-web always (it ships no wasm32 std; apt: rust-web-src), rustup when its rust-src
# component is installed (tools/setup.sh adds it). std is then built for size, and a panic
# aborts at once: no panic messages or the formatting code that prints them
# (-Cpanic=immediate-abort), no file/line strings (-Zlocation-detail=none), and `{:?}`
# prints nothing (-Zfmt-debug=none: app code never builds text with Debug). Cargo and rustc
# take these only with RUSTC_BOOTSTRAP=1; the native tests unset it (tools/test.sh).
# Without rust-src (rustup) the build still works, with the prebuilt std: ~25 kB larger.
# On both routes, `--cfg erase_components` makes Leptos return every component as a
# type-erased view (AnyView), so its view code is compiled once instead of once per nesting
# of generic types: 77 kB (20 %) less wasm after brotli, same behaviour (measured 2026-11-29).
_wasm_flags="--cfg erase_components"
if [ -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std" ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
  _wasm_flags="$_wasm_flags -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
elif [ "$(cat "$_app_dir/.toolchain-route" 2>/dev/null)" != rustup ]; then
  echo "tools/env.sh: no std source for build-std; apt-get install rust-web-src" >&2
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$_wasm_flags"
unset _app_dir _cargo_bin _wasm_flags
