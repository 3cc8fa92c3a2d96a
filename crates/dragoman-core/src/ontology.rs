//! CAMEO code table (work in progress).
