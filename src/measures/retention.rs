//! Retention, churn and customer lifetime value: the figures loyalty is
//! usually paired with.
//!
//! - Retention rate over a period = (customers at end − new customers) / customers at start;
//!   churn rate = 1 − retention rate.
//! - Customer lifetime value (Gupta & Lehmann, "Customers as Assets",
//!   *Journal of Interactive Marketing* 17(1), 2003): with annual margin
//!   m = average order value × purchases per year × gross margin, retention
//!   rate r and discount rate d, CLV = m · r / (1 + d − r) — margins counted
//!   at the end of each year a customer stays, over an unlimited horizon.

use crate::options::{show_number, OptionError};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    pub customers_at_start: u64,
    pub customers_at_end: u64,
    pub new_customers: u64,
    /// Customers from the start who are still there at the end.
    pub retained_customers: u64,
    pub lost_customers: u64,
    /// As a fraction, 0–1.
    pub retention_rate: f64,
    /// As a fraction, 0–1.
    pub churn_rate: f64,
}

/// Retention and churn over one period.
///
/// ```
/// use loyalty_score::retention::retention;
/// // 1000 at start, 1050 at end of which 150 new: 900 kept → 90 % retention.
/// let r = retention(1000, 1050, 150).unwrap();
/// assert_eq!((r.retention_rate, r.lost_customers), (0.9, 100));
/// ```
pub fn retention(customers_at_start: u64, customers_at_end: u64, new_customers: u64) -> Result<Retention, OptionError> {
    if customers_at_start == 0 {
        return Err(OptionError::new("customersAtStart", "must be at least 1 to compute a rate"));
    }
    let retained = customers_at_end.checked_sub(new_customers).ok_or_else(|| {
        OptionError::new(
            "newCustomers",
            format!("is {new_customers}, more than the {customers_at_end} customers at the end"),
        )
    })?;
    if retained > customers_at_start {
        return Err(OptionError::new(
            "customersAtEnd",
            format!(
                "leaves {retained} customers from the start (end minus new), more than the {customers_at_start} there were; \
                 count every customer gained in the period as new"
            ),
        ));
    }
    let lost = customers_at_start - retained;
    let start = customers_at_start as f64;
    Ok(Retention {
        customers_at_start,
        customers_at_end,
        new_customers,
        retained_customers: retained,
        lost_customers: lost,
        retention_rate: retained as f64 / start,
        churn_rate: lost as f64 / start,
    })
}

/// What a customer lifetime value is computed from. Rates are fractions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LifetimeValueInput {
    pub average_order_value: f64,
    pub purchases_per_year: f64,
    /// Gross margin as a fraction of revenue, 0–1.
    pub gross_margin: f64,
    /// Yearly retention rate, 0–1.
    pub retention_rate: f64,
    /// Yearly discount rate, 0 or more (0.1 = 10 %).
    pub discount_rate: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LifetimeValue {
    /// Average order value × purchases per year × gross margin.
    pub annual_margin: f64,
    /// r / (1 + d − r): how many years of margin a customer is worth today.
    pub margin_multiple: f64,
    /// annual margin × margin multiple.
    pub lifetime_value: f64,
    /// 1 / (1 − r): the expected number of years a customer stays (undiscounted);
    /// `None` when retention is 100 %.
    pub expected_lifetime_years: Option<f64>,
}

fn finite_at_least_zero(name: &'static str, value: f64, what: &str) -> Result<f64, OptionError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(OptionError::new(name, format!("must be {what}, 0 or more, got {}", show_number(value))))
    }
}

fn share(name: &'static str, value: f64) -> Result<f64, OptionError> {
    if value.is_finite() && (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(OptionError::new(name, format!("must be a fraction from 0 to 1 (0.3 for 30 %), got {}", show_number(value))))
    }
}

/// Customer lifetime value after Gupta & Lehmann (2003).
///
/// ```
/// use loyalty_score::retention::{customer_lifetime_value, LifetimeValueInput};
/// // m = 50 × 4 × 0.3 = 60; r/(1 + d − r) = 0.8/0.3 = 2.6667 → CLV 160.
/// let clv = customer_lifetime_value(LifetimeValueInput {
///     average_order_value: 50.0, purchases_per_year: 4.0, gross_margin: 0.3,
///     retention_rate: 0.8, discount_rate: 0.1,
/// }).unwrap();
/// assert!((clv.lifetime_value - 160.0).abs() < 1e-9);
/// ```
pub fn customer_lifetime_value(input: LifetimeValueInput) -> Result<LifetimeValue, OptionError> {
    let order = finite_at_least_zero("averageOrderValue", input.average_order_value, "an amount")?;
    let purchases = finite_at_least_zero("purchasesPerYear", input.purchases_per_year, "a number of purchases")?;
    let margin = share("grossMargin", input.gross_margin)?;
    let r = share("retentionRate", input.retention_rate)?;
    let d = finite_at_least_zero("discountRate", input.discount_rate, "a yearly rate (0.1 for 10 %)")?;
    if r >= 1.0 && d == 0.0 {
        return Err(OptionError::new(
            "retentionRate",
            "is 100 % with no discount rate: customers who never leave, valued without discounting, are worth an unlimited amount; give a discountRate above 0 or a retention below 100 %",
        ));
    }
    let annual_margin = order * purchases * margin;
    // (1 − r) + d, not 1 + d − r: a tiny d must not be lost in 1 + d.
    let margin_multiple = r / ((1.0 - r) + d);
    Ok(LifetimeValue {
        annual_margin,
        margin_multiple,
        lifetime_value: annual_margin * margin_multiple,
        expected_lifetime_years: (r < 1.0).then(|| 1.0 / (1.0 - r)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(r: f64, d: f64) -> LifetimeValueInput {
        LifetimeValueInput {
            average_order_value: 80.0,
            purchases_per_year: 2.5,
            gross_margin: 0.4,
            retention_rate: r,
            discount_rate: d,
        }
    }

    #[test]
    fn retention_by_hand() {
        // 200 at start, 190 at end, 30 new: 160 kept of 200 → 80 %, churn 20 %, 40 lost.
        let r = retention(200, 190, 30).unwrap();
        assert_eq!((r.retained_customers, r.lost_customers), (160, 40));
        assert!((r.retention_rate - 0.8).abs() < 1e-15 && (r.churn_rate - 0.2).abs() < 1e-15);
    }

    #[test]
    fn impossible_periods_name_the_field() {
        assert_eq!(retention(0, 10, 0).unwrap_err().option, "customersAtStart");
        assert_eq!(retention(100, 10, 20).unwrap_err().option, "newCustomers");
        assert_eq!(retention(100, 150, 20).unwrap_err().option, "customersAtEnd");
    }

    #[test]
    fn lifetime_value_by_hand() {
        // m = 80 × 2.5 × 0.4 = 80 a year; r = 0.75, d = 0.08:
        // multiple = 0.75/(1.08 − 0.75) = 0.75/0.33 = 2.272727 → CLV 181.8182;
        // expected lifetime 1/(1 − 0.75) = 4 years.
        let v = customer_lifetime_value(input(0.75, 0.08)).unwrap();
        assert!((v.annual_margin - 80.0).abs() < 1e-12);
        assert!((v.margin_multiple - 2.272_727_272_7).abs() < 1e-9);
        assert!((v.lifetime_value - 181.818_181_818).abs() < 1e-6);
        assert_eq!(v.expected_lifetime_years, Some(4.0));
        // Full retention is allowed with discounting: multiple 1/d = 12.5.
        let v = customer_lifetime_value(input(1.0, 0.08)).unwrap();
        assert!((v.margin_multiple - 12.5).abs() < 1e-9);
        assert_eq!(v.expected_lifetime_years, None);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        assert_eq!(customer_lifetime_value(input(1.0, 0.0)).unwrap_err().option, "retentionRate");
        assert_eq!(customer_lifetime_value(input(1.2, 0.1)).unwrap_err().option, "retentionRate");
        assert_eq!(customer_lifetime_value(input(0.5, -0.1)).unwrap_err().option, "discountRate");
        let mut bad = input(0.5, 0.1);
        bad.gross_margin = 30.0;
        assert_eq!(customer_lifetime_value(bad).unwrap_err().option, "grossMargin");
        bad = input(0.5, 0.1);
        bad.average_order_value = f64::NAN;
        assert_eq!(customer_lifetime_value(bad).unwrap_err().option, "averageOrderValue");
    }
}
