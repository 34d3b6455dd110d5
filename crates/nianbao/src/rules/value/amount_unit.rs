//! V004 amount-unit: 金额应以万元为单位。
//!
//! ## 检查什么
//!
//! 表二的金额（本年收费金额、采购总金额）以元填写时（表头写明单位为元，或数字后写「元」），按元读取后换算为
//! 万元，并提醒格式要求以万元填写。读取时由表格读取器给出。
//!
//! ## 依据
//!
//! 年度报告格式表二第二十条第（八）项：「本年收费金额（单位：万元）」。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 第二十条第(八)项
//! 信息内容 | 本年收费金额(单位:元)
//! 行政事业性收费 | 52750
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 第二十条第(八)项
//! 信息内容 | 本年收费金额(单位:万元)
//! 行政事业性收费 | 5.275
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;

/// Row `row`'s amount written `written` in 元, read as `wan` 万元.
pub(crate) fn diagnostic(row: &str, written: &str, wan: f64) -> Diagnostic {
    Diagnostic::new(
        codes::AMOUNT_UNIT,
        format!(
            "{row}的金额以元为单位填写为「{written}」，格式要求以万元填写；已换算为 {} 万元",
            crate::layout::number::shown(wan)
        ),
    )
}
