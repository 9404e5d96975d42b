//! Runs uniffi's code generator, so the bindings come from the same uniffi version as the library.

fn main() {
    uniffi::uniffi_bindgen_main();
}
