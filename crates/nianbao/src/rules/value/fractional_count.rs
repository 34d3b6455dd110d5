//! V003 fractional-count: 数量应为整数。
//!
//! ## 检查什么
//!
//! 除以万元为单位的金额（行政事业性收费、政府集中采购总金额）外，统计表的单元格都
//! 是件数，应为整数。
//!
//! ## 依据
//!
//! 年度报告格式的各表：件数不会有小数；小数多半是把金额或百分比填错了格。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 52.5
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年收费金额(单位:万元)
//! 行政事业性收费 | 31.42
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::layout::number::shown;
use crate::report::Value;
use crate::rules::Context;
use crate::tables::schema::column;

/// Reports every decimal outside the amount columns.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for cell in super::cells(cx.report) {
        if let Some(Value::Amount(x)) = cell.2.value {
            if cell.2.column != column::AMOUNT_WAN_YUAN && x.fract() != 0.0 {
                let what = "件数应为整数";
                out.push(super::about_cell(
                    codes::FRACTIONAL_COUNT,
                    cell,
                    shown(x),
                    what,
                ));
            }
        }
    }
}
