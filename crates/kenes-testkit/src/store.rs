//! A node over a data directory, as `kenes serve` opens one.

use std::path::Path;

use kenes_store::{Location, Node, Store};

/// The node of data directory `directory`; a new node there gets the key made from `secret`.
pub fn open_node(directory: &Path, secret: u8) -> Node {
    Node::open(Store::open(&Location::data_dir(directory)).unwrap(), || [secret; 32]).unwrap()
}
