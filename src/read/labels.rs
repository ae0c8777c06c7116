//! Answers written as the words of a Likert scale ("Strongly agree", "Zeer
//! tevreden") instead of their numbers, as survey tools export them when
//! asked for choice text. Each scale is listed from its lowest answer up, in
//! its 5-point and 7-point forms.

/// One scale of labels: its name as reports give it, and its labels from 1 up.
#[derive(Debug, PartialEq, Eq)]
pub struct LabelScale {
    pub name: &'static str,
    pub labels: &'static [&'static [&'static str]],
}

/// The 5-point scales. Each answer may be written in several ways.
const FIVE: &[LabelScale] = &[
    LabelScale {
        name: "agreement (English, 5 points)",
        labels: &[
            &["strongly disagree"],
            &["disagree"],
            &["neither agree nor disagree", "neutral", "neither disagree nor agree"],
            &["agree"],
            &["strongly agree"],
        ],
    },
    LabelScale {
        name: "satisfaction (English, 5 points)",
        labels: &[
            &["very dissatisfied"],
            &["dissatisfied"],
            &["neither satisfied nor dissatisfied", "neutral", "neither dissatisfied nor satisfied"],
            &["satisfied"],
            &["very satisfied"],
        ],
    },
    LabelScale {
        name: "agreement (Dutch, 5 points)",
        labels: &[
            &["helemaal mee oneens", "zeer mee oneens", "helemaal oneens"],
            &["mee oneens", "oneens"],
            &["neutraal", "niet mee eens, niet mee oneens", "niet eens, niet oneens", "noch eens, noch oneens"],
            &["mee eens", "eens"],
            &["helemaal mee eens", "zeer mee eens", "helemaal eens"],
        ],
    },
    LabelScale {
        name: "satisfaction (Dutch, 5 points)",
        labels: &[
            &["zeer ontevreden", "heel ontevreden"],
            &["ontevreden"],
            &["neutraal", "niet tevreden, niet ontevreden", "noch tevreden, noch ontevreden"],
            &["tevreden"],
            &["zeer tevreden", "heel tevreden"],
        ],
    },
];

/// The 7-point scales.
const SEVEN: &[LabelScale] = &[
    LabelScale {
        name: "agreement (English, 7 points)",
        labels: &[
            &["strongly disagree"],
            &["disagree"],
            &["somewhat disagree", "slightly disagree"],
            &["neither agree nor disagree", "neutral", "neither disagree nor agree"],
            &["somewhat agree", "slightly agree"],
            &["agree"],
            &["strongly agree"],
        ],
    },
    LabelScale {
        name: "satisfaction (English, 7 points)",
        labels: &[
            &["very dissatisfied", "extremely dissatisfied"],
            &["dissatisfied", "moderately dissatisfied"],
            &["somewhat dissatisfied", "slightly dissatisfied"],
            &["neither satisfied nor dissatisfied", "neutral", "neither dissatisfied nor satisfied"],
            &["somewhat satisfied", "slightly satisfied"],
            &["satisfied", "moderately satisfied"],
            &["very satisfied", "extremely satisfied"],
        ],
    },
    LabelScale {
        name: "agreement (Dutch, 7 points)",
        labels: &[
            &["helemaal mee oneens", "zeer mee oneens", "helemaal oneens"],
            &["mee oneens", "oneens"],
            &["enigszins mee oneens", "enigszins oneens", "een beetje oneens"],
            &["neutraal", "niet mee eens, niet mee oneens", "niet eens, niet oneens", "noch eens, noch oneens"],
            &["enigszins mee eens", "enigszins eens", "een beetje eens"],
            &["mee eens", "eens"],
            &["helemaal mee eens", "zeer mee eens", "helemaal eens"],
        ],
    },
    LabelScale {
        name: "satisfaction (Dutch, 7 points)",
        labels: &[
            &["zeer ontevreden", "heel ontevreden"],
            &["ontevreden"],
            &["enigszins ontevreden", "een beetje ontevreden"],
            &["neutraal", "niet tevreden, niet ontevreden", "noch tevreden, noch ontevreden"],
            &["enigszins tevreden", "een beetje tevreden"],
            &["tevreden"],
            &["zeer tevreden", "heel tevreden"],
        ],
    },
];

/// The answer (from 1) that `text` names on a scale of `points` answers, and
/// the scale it was found in. Matching ignores ASCII case, surrounding space
/// and a trailing full stop.
pub fn likert_label(text: &[u8], points: usize) -> Option<(u8, &'static LabelScale)> {
    let scales = match points {
        5 => FIVE,
        7 => SEVEN,
        _ => return None,
    };
    // The labels are written in lower case; a cell is compared to them
    // without a lower-case copy of it, which every word of an export made.
    let text = core::str::from_utf8(text).ok()?.trim().trim_end_matches('.');
    for scale in scales {
        for (i, ways) in scale.labels.iter().enumerate() {
            if ways.iter().any(|way| way.eq_ignore_ascii_case(text)) {
                return Some((i as u8 + 1, scale));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_written_in_lower_case_with_a_letter() {
        // Cells are compared to them ignoring ASCII case, and a cell without
        // a letter (a date) is never looked up.
        for scale in FIVE.iter().chain(SEVEN) {
            for way in scale.labels.iter().flat_map(|ways| ways.iter()) {
                assert_eq!(*way, way.to_lowercase(), "{}", scale.name);
                assert!(way.chars().any(char::is_alphabetic), "{}", scale.name);
            }
        }
    }

    #[test]
    fn each_scale_reads_its_labels_from_one_up() {
        assert_eq!(likert_label(b"Strongly disagree", 5).map(|(v, s)| (v, s.name)), Some((1, "agreement (English, 5 points)")));
        assert_eq!(likert_label(b"Strongly agree", 5).map(|(v, _)| v), Some(5));
        assert_eq!(likert_label(b"Somewhat agree", 7).map(|(v, _)| v), Some(5));
        assert_eq!(likert_label(" Helemaal mee eens. ".as_bytes(), 5).map(|(v, s)| (v, s.name)), Some((5, "agreement (Dutch, 5 points)")));
        assert_eq!(likert_label(b"Zeer ontevreden", 7).map(|(v, s)| (v, s.name)), Some((1, "satisfaction (Dutch, 7 points)")));
        assert_eq!(likert_label(b"Very satisfied", 5).map(|(v, _)| v), Some(5));
    }

    #[test]
    fn labels_of_another_scale_length_or_unknown_words_are_not_read() {
        assert_eq!(likert_label(b"Somewhat agree", 5), None);
        assert_eq!(likert_label(b"Strongly agree", 11), None);
        assert_eq!(likert_label(b"maybe", 5), None);
    }
}
