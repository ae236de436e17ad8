//! Support shared by the tests and the benchmark.
pub mod baseline;
pub mod eval;
pub mod synth;
