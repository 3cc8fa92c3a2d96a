//! News time expressions (work in progress).
