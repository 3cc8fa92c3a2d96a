//! PETRARCH/TABARI dictionary readers (work in progress).
