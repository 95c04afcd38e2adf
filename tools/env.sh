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
  export RUSTC_BOOTSTRAP=1
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
unset _app_dir _cargo_bin
