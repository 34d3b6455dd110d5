//! Fuzz target: any bytes, as text, give a report that keeps the
//! invariants the property tests hold it to (sound spans, UTF-16 offsets as
//! JavaScript counts them, no arithmetic error resting on doubt; see
//! `crates/nianbao/tests/common/invariants.rs`). Bytes that are not UTF-8
//! are read with replacement characters, so every input reaches the reader.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/nianbao/tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::assert_invariants(&String::from_utf8_lossy(data));
});
