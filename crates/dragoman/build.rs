//! `cfg(no_shared)` when `../shared` is not beside the checkout, for the tests that
//! read it: the same check as dragoman-core's, which explains it.

include!("../dragoman-core/build.rs");
