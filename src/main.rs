#[cfg(target_arch = "wasm32")]
fn main() {
    pocket_rights::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pocket Rights is a browser app: serve it with tools/serve.sh");
}
