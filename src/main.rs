//! Browser entry point. Trunk builds this binary for wasm32; on the host it only explains itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    escalera::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Escalera runs in the browser: use `scripts/dev.sh serve` (see README.md).");
}
