use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A yearly, unconditionally open resource like row 2 of the Guilin catalog.
fn sample() -> DataResource {
    DataResource {
        id: "2".into(),
        name: "桂林市市场监督管理局企业年报修改信息".into(),
        department: "桂林市市场监督管理局".into(),
        description: "企业年报修改记录".into(),
        domain: Some("其他".into()),
        records: Some(300_774),
        coverage: None,
        authorized_operation: false,
        open_type: OpenType::Unconditional,
        update_frequency: UpdateFrequency::Yearly,
        formats: vec!["xls".into(), "json".into(), "csv".into(), "api".into()],
        has_api: true,
        published: Some(date(2021, 11, 26)),
        updated: Some(date(2023, 3, 4)),
        system: None,
        owner: None,
        cost: None,
        rights: vec![],
        category: Some(DataCategory::Public),
        grade: None,
    }
}

fn score_of(assessment: &Assessment, dimension: QualityDimension) -> Option<u8> {
    assessment
        .quality
        .iter()
        .find(|q| q.dimension == dimension)
        .and_then(|q| q.score)
}

#[test]
fn frequency_synonyms_map() {
    let cases = [
        ("每天", UpdateFrequency::Daily),
        ("每日", UpdateFrequency::Daily),
        ("daily", UpdateFrequency::Daily),
        ("实时", UpdateFrequency::RealTime),
        ("实时更新", UpdateFrequency::RealTime),
        ("每周", UpdateFrequency::Weekly),
        ("每月更新", UpdateFrequency::Monthly),
        ("季度", UpdateFrequency::Quarterly),
        ("\u{3000}每半年 ", UpdateFrequency::HalfYearly),
        ("每年", UpdateFrequency::Yearly),
        ("年度", UpdateFrequency::Yearly),
        ("其他", UpdateFrequency::Irregular),
        ("不定期", UpdateFrequency::Irregular),
    ];
    for (text, expected) in cases {
        assert_eq!(
            parse_update_frequency(text, "f").unwrap(),
            expected,
            "{text}"
        );
    }
}

#[test]
fn frequency_unknown_is_error() {
    let error = parse_update_frequency("每十年", "rows[3].update_frequency").unwrap_err();
    assert_eq!(error.code(), "survey.unknown_term");
    assert_eq!(error.field(), "rows[3].update_frequency");
    assert_eq!(error.value(), "每十年");
    assert!(error.allowed().contains("每日"));
}

#[test]
fn open_type_synonyms_map() {
    assert_eq!(
        parse_open_type("无条件开放", "o").unwrap(),
        OpenType::Unconditional
    );
    assert_eq!(
        parse_open_type("有条件", "o").unwrap(),
        OpenType::Conditional
    );
    assert_eq!(parse_open_type("非开放", "o").unwrap(), OpenType::NotOpen);
    assert_eq!(parse_open_type("not_open", "o").unwrap(), OpenType::NotOpen);
    assert!(parse_open_type("半开放", "o").is_err());
}

#[test]
fn department_spaces_normalized() {
    assert_eq!(
        normalize_department(" 桂林市\u{3000}\u{3000}教育局\t"),
        "桂林市 教育局"
    );
    assert_eq!(normalize_department("桂林市教育局"), "桂林市教育局");
}

#[test]
fn sample_scores_by_hand() {
    // As of 2024-03-31, 393 days after the 2023-03-04 update: more than the 366 days of 每年 but
    // within twice that, so timeliness is 60 and the update is overdue.
    let result = assess(&sample(), date(2024, 3, 31));
    assert_eq!(score_of(&result, QualityDimension::Normativity), Some(100));
    assert_eq!(score_of(&result, QualityDimension::Completeness), Some(100));
    assert_eq!(score_of(&result, QualityDimension::Accuracy), Some(100));
    assert_eq!(score_of(&result, QualityDimension::Consistency), Some(100));
    assert_eq!(score_of(&result, QualityDimension::Timeliness), Some(60));
    // API 40 + open format 40 + 无条件开放 20.
    assert_eq!(
        score_of(&result, QualityDimension::Accessibility),
        Some(100)
    );
    assert_eq!(result.flags, vec![QualityFlag::UpdateOverdue]);
}

#[test]
fn timeliness_steps_by_interval() {
    let mut resource = sample();
    resource.update_frequency = UpdateFrequency::Monthly;
    resource.updated = Some(date(2024, 1, 1));
    let cases = [
        (date(2024, 2, 1), 100),  // 31 days
        (date(2024, 2, 2), 60),   // 32 days
        (date(2024, 3, 3), 60),   // 62 days
        (date(2024, 3, 4), 30),   // 63 days
        (date(2024, 5, 4), 30),   // 124 days, 4 × 31
        (date(2024, 5, 5), 0),    // 125 days
        (date(2023, 12, 1), 100), // before the update: zero days
    ];
    for (as_of, expected) in cases {
        let result = assess(&resource, as_of);
        assert_eq!(
            score_of(&result, QualityDimension::Timeliness),
            Some(expected),
            "{as_of}"
        );
    }
}

#[test]
fn irregular_has_no_timeliness() {
    let mut resource = sample();
    resource.update_frequency = UpdateFrequency::Irregular;
    let result = assess(&resource, date(2030, 1, 1));
    assert_eq!(score_of(&result, QualityDimension::Timeliness), None);
    assert!(!result.flags.contains(&QualityFlag::UpdateOverdue));
}

#[test]
fn defects_lower_scores() {
    let mut resource = sample();
    resource.records = Some(0);
    resource.description = resource.name.clone();
    resource.updated = Some(date(2021, 1, 1));
    resource.has_api = false;
    resource.formats = vec!["xls".into(), "api".into()];
    resource.open_type = OpenType::Conditional;
    let result = assess(&resource, date(2021, 12, 1));
    // Zero records -50 and a description repeating the name -15.
    assert_eq!(score_of(&result, QualityDimension::Completeness), Some(35));
    // Update before publication -50; 2021-11-26 is not after the as-of date.
    assert_eq!(score_of(&result, QualityDimension::Accuracy), Some(50));
    // API mismatch -50 and dates inverted -50.
    assert_eq!(score_of(&result, QualityDimension::Consistency), Some(0));
    assert_eq!(score_of(&result, QualityDimension::Normativity), Some(60));
    // No API, no open format, 有条件开放 10.
    assert_eq!(score_of(&result, QualityDimension::Accessibility), Some(10));
    for flag in [
        QualityFlag::ZeroRecords,
        QualityFlag::DescriptionRepeatsName,
        QualityFlag::UpdatedBeforePublished,
        QualityFlag::NoOpenFormat,
        QualityFlag::ApiFlagMismatch,
    ] {
        assert!(result.flags.contains(&flag), "{flag:?}");
    }
    assert!(result.readiness.lacks.contains(&Requirement::Content));
}

#[test]
fn future_date_is_flagged() {
    let result = assess(&sample(), date(2022, 1, 1));
    assert!(result.flags.contains(&QualityFlag::DateAfterAsOf));
    assert_eq!(score_of(&result, QualityDimension::Accuracy), Some(50));
}

#[test]
fn missing_facts_lower_completeness() {
    let mut resource = sample();
    resource.records = None;
    resource.description = String::new();
    resource.published = None;
    resource.updated = None;
    let result = assess(&resource, date(2024, 1, 1));
    // Unknown records -20, empty description -30, two missing dates -10 each.
    assert_eq!(score_of(&result, QualityDimension::Completeness), Some(30));
    assert_eq!(score_of(&result, QualityDimension::Timeliness), Some(0));
    assert!(result.flags.contains(&QualityFlag::MissingDates));
    assert!(result.flags.contains(&QualityFlag::UnknownRecords));
}

#[test]
fn catalog_row_lacks_asset_facts() {
    let readiness = readiness(&sample());
    assert!(!readiness.ready);
    assert_eq!(
        readiness.lacks,
        vec![
            Requirement::Owner,
            Requirement::Cost,
            Requirement::Rights,
            Requirement::Classification
        ]
    );
    assert_eq!(readiness.reasons.len(), 4);
}

#[test]
fn complete_resource_is_ready() {
    let mut resource = sample();
    resource.owner = Some("桂林市市场监督管理局".into());
    resource.cost = Some(Amount::from_fen(1_200_000));
    resource.rights = vec![RightKind::Holding];
    resource.grade = Some(SecurityGrade::General);
    let readiness = readiness(&resource);
    assert!(readiness.ready);
    assert!(readiness.lacks.is_empty());
    assert!(readiness.reasons.is_empty());
}

#[test]
fn summary_counts_two_resources() {
    let mut second = sample();
    second.id = "3".into();
    second.department = "桂林市教育局".into();
    second.records = None;
    second.open_type = OpenType::Conditional;
    second.has_api = false;
    second.formats = vec!["xls".into()];
    let survey = Survey {
        systems: vec![InformationSystem {
            name: "年报系统".into(),
            department: "桂林市市场监督管理局".into(),
            build_project: None,
            cost: Some(Amount::from_fen(5_000_000)),
            status: SystemStatus::InUse,
        }],
        resources: vec![sample(), second],
    };
    let (summary, assessments) = summarize(&survey, date(2023, 6, 30)).unwrap();
    assert_eq!(assessments.len(), 2);
    assert_eq!(summary.systems, 1);
    assert_eq!(summary.system_cost, Amount::from_fen(5_000_000));
    assert_eq!(summary.resources, 2);
    assert_eq!(summary.records, 300_774);
    assert_eq!(summary.records_unknown, 1);
    assert_eq!(summary.by_department.len(), 2);
    assert_eq!(summary.by_open_type[&OpenType::Unconditional], 1);
    assert_eq!(summary.by_open_type[&OpenType::Conditional], 1);
    assert_eq!(summary.by_format["xls"], 2);
    assert_eq!(summary.by_format["csv"], 1);
    assert_eq!(summary.with_api, 1);
    assert_eq!(summary.without_api, 1);
    assert_eq!(summary.flags[&QualityFlag::NoOpenFormat], 1);
    assert_eq!(summary.lacking[&Requirement::Owner], 2);
    assert_eq!(summary.ready, 0);
    // Accessibility 100 and 10 (有条件开放 only): mean 55.
    assert_eq!(summary.mean_quality[&QualityDimension::Accessibility], 55);
}

#[test]
fn summary_rejects_empty_name() {
    let mut resource = sample();
    resource.name = " ".into();
    let survey = Survey {
        systems: vec![],
        resources: vec![resource],
    };
    let error = summarize(&survey, date(2024, 1, 1)).unwrap_err();
    assert_eq!(error.code(), "survey.missing_value");
    assert_eq!(error.field(), "resources[0].name");
}

#[test]
fn summary_record_overflow_is_error() {
    let mut first = sample();
    first.records = Some(u64::MAX);
    let survey = Survey {
        systems: vec![],
        resources: vec![first, sample()],
    };
    let error = summarize(&survey, date(2024, 1, 1)).unwrap_err();
    assert_eq!(error.code(), "survey.record_overflow");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn scores_stay_in_range(
        records in proptest::option::of(0u64..1_000_000),
        published in 0i64..4000,
        updated in 0i64..4000,
        as_of in 0i64..4000,
        frequency in 0usize..8,
        has_api: bool,
        api_format: bool,
    ) {
        let base = date(2015, 1, 1);
        let mut resource = sample();
        resource.records = records;
        resource.published = Some(base + chrono::Days::new(published.unsigned_abs()));
        resource.updated = Some(base + chrono::Days::new(updated.unsigned_abs()));
        resource.update_frequency = UpdateFrequency::ALL[frequency];
        resource.has_api = has_api;
        if !api_format {
            resource.formats.retain(|f| f != "api");
        }
        let result = assess(&resource, base + chrono::Days::new(as_of.unsigned_abs()));
        prop_assert_eq!(result.quality.len(), QualityDimension::ALL.len());
        for (score, dimension) in result.quality.iter().zip(QualityDimension::ALL) {
            prop_assert_eq!(score.dimension, *dimension);
            prop_assert!(score.score.is_none_or(|s| s <= 100));
            prop_assert!(!score.evidence.is_empty());
        }
        prop_assert_eq!(result.readiness.ready, result.readiness.lacks.is_empty());
        prop_assert_eq!(result.readiness.lacks.len(), result.readiness.reasons.len());
        prop_assert_eq!(
            result.flags.contains(&QualityFlag::ApiFlagMismatch),
            has_api != api_format
        );
    }
}
