//! Pieces that several screens share.
pub mod alert_button;
pub mod data_note;
pub mod map_legend;
pub mod net_status;
pub mod page_footer;
pub mod plan_status;
pub mod section_view;
pub mod storage_notice;
pub mod update_prompt;
