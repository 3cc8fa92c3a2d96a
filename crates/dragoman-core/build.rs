// Tells the tests whether `../shared` (the treebanks, the Phoenix dictionaries and
// the evaluation files, kept beside the checkout and never in it) is there.
//
// Without it, `cfg(no_shared)` is set and the tests that read it are marked
// `#[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]`: plain
// `cargo test` lists them as ignored, with the reason, rather than passing them
// without having checked anything.
//
// When the folder is there, Cargo watches it, so removing it sets the cfg at the
// next build. When it is not, Cargo is told to watch only this script: watching a
// path that does not exist would rebuild the crate at every command. So a folder
// added after a build is seen once the crate is rebuilt (`cargo clean -p CRATE`).

use std::path::Path;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(no_shared)");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("Cargo sets CARGO_MANIFEST_DIR");
    // crates/NAME/../../../shared: the folder beside the checkout.
    let shared = Path::new(&manifest).join("../../../shared");
    if shared.is_dir() {
        println!("cargo:rerun-if-changed={}", shared.display());
    } else {
        println!("cargo:rerun-if-changed=build.rs");
        println!("cargo:rustc-cfg=no_shared");
    }
}
