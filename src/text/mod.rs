pub mod fold;
