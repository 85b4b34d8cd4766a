//! Record identifiers: UUIDv7 strings, so that several laptops' databases can later be merged
//! without collisions, and ids sort by creation time.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// A fresh, time-ordered id.
    pub fn new() -> Self {
        Id(uuid::Uuid::now_v7().to_string())
    }

    /// Wraps an id read back from storage or an import file.
    pub fn from_string(s: impl Into<String>) -> Self {
        Id(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_time_ordered() {
        let a = Id::new();
        let b = Id::new();
        assert_ne!(a, b);
        assert!(a < b);
        assert_eq!(a.as_str().len(), 36);
    }
}
