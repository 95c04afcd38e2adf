//! Pieces that several screens share.
pub mod data_note;
pub mod map_legend;
pub mod net_status;
pub mod page_footer;
pub mod section_view;
pub mod speak_as;
pub mod update_prompt;
