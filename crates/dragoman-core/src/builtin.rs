//! Built-in dictionaries (work in progress).
