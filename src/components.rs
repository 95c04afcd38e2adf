//! Pieces that several screens share.
pub mod net_status;
pub mod page_footer;
pub mod section_view;
pub mod update_prompt;
