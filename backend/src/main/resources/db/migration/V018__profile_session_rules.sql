-- Decision 0014: the profile session rules as the policy papers state them.
-- agreementMayLengthenInterval: whether an individual agreement may set a longer interval than the profile.
--   Coventry 2016: yes ("any permanent deviation ... should be agreed and recorded in the Individual Supervision
--   Agreement"); Central Bedfordshire 2012: no ("These are minimum frequencies"); LGA standard 5: no (its figures
--   are "at least" and "a minimum of monthly"). Staff whose interval a profile leaves to the agreement (Central
--   Bedfordshire agency staff under 10 hours a week) are not limited by this.
-- minimumSessionMinutes (already 90 for all three: Coventry 1.5 to 2 hours, Central Bedfordshire at least 90 minutes,
-- LGA at least 1.5 hours) is unchanged; the product now flags shorter sessions and warns on shorter agreements.
-- Which agenda items are required is the template item required column (V002: every Central Bedfordshire
-- BIC 531 item); signing now enforces it.
-- Each document is replaced whole (the JSON is the profile own rules document, not the API), keeping every
-- other rule as V002 shipped it. Plain ASCII, quotes doubled: runs on MySQL, MariaDB and H2.

UPDATE policy_profile SET rules_json = '{
  "normalInterval": "P4W",
  "longestInterval": "P6W",
  "breachAfter": "P2M",
  "minimumSessionsPerYear": 10,
  "minimumSessionMinutes": 90,
  "maximumSessionMinutes": 120,
  "agreementMayLengthenInterval": true,
  "cadenceSteps": [],
  "categoryIntervals": [],
  "agreementSetsInterval": null,
  "agreementWithin": "P3M",
  "agreementReviewEvery": "P12M",
  "groupSupervision": "Formal supervision sessions are normally held on a planned one-to-one basis; group or peer supervision sessions may supplement them but never replace the one-to-one sessions (policy 4.6).",
  "appraisal": "Annual Performance Management Review (PMR) appraisal identifying four to five SMART objectives for the year (policy 7.1).",
  "fileAudits": "A random selection of supervision files is audited every 3 months by a quality assurance manager on behalf of the Director of Children''s Services; each month every service manager selects a supervision file from the social work caseload of one of their teams and audits it with the Appendix 7 audit tool. The outcome, including any actions required, is noted and signed on the manager''s own supervision record, with a discussion about the quality of their supervisory practice (policy 9.2 and 9.3).",
  "retention": {
    "keepAfterLeaving": "P2Y",
    "onLeaving": "When a person leaves the Council their supervision records must be kept locally for at least 2 years, and longer if there is any possibility of litigation; advice can be requested from the Freedom of Information Officer (policy 8.10). When a supervisee moves to another post within the organisation the records are transferred to the next supervisor (policy 8.3)."
  },
  "suppressionMinimum": 5
}'
WHERE id = '00000000-0000-7000-8000-000000000001';

UPDATE policy_profile SET rules_json = '{
  "normalInterval": "P4W",
  "longestInterval": "P4W",
  "breachAfter": null,
  "minimumSessionsPerYear": null,
  "minimumSessionMinutes": 90,
  "maximumSessionMinutes": null,
  "agreementMayLengthenInterval": false,
  "cadenceSteps": [
    {
      "categories": null,
      "employmentTypes": null,
      "measuredFrom": "EMPLOYMENT_START",
      "from": "P0D",
      "until": "P4M",
      "interval": "P2W",
      "note": "First 4 months of employment with the Council: supervision at least every 2 weeks; this includes agency staff (procedure section 10)."
    }
  ],
  "categoryIntervals": [
    {
      "categories": [
        "ADMINISTRATIVE"
      ],
      "interval": "P8W",
      "note": "Certain non-social work staff, including administrative and domestic staff, are supervised at least every 8 weeks (procedure section 10)."
    }
  ],
  "agreementSetsInterval": {
    "employmentTypes": [
      "AGENCY"
    ],
    "maximumWeeklyHours": 10,
    "note": "Agency staff working less than 10 hours a week have an individual frequency of supervision agreed with their line manager at the outset of employment; it varies with the type of work, hours worked and experience (procedure section 10)."
  },
  "agreementWithin": "P4W",
  "agreementReviewEvery": null,
  "groupSupervision": "Group supervision can be used as a reflective learning opportunity but must not replace individual supervision. It can be held bi-monthly, led by senior practitioners, with a specific or team issue focus (new policies and procedures, national guidance) or as thematic sessions on strategy, audit or evidence-based practice (procedure section 11).",
  "appraisal": "Annual Personal Development Review (PDR) completed by the end of June every municipal year, with a recorded progress review six months after the annual PDR; all supervision sessions feed into the annual PDR (procedure sections 6, 14 and 15).",
  "fileAudits": null,
  "retention": {
    "keepAfterLeaving": null,
    "onLeaving": "When an employee leaves, the BIC 530 case supervision forms within the staff supervision file must be shredded and the remainder of the file passed to Human Resources (procedure section 13)."
  },
  "suppressionMinimum": 5
}'
WHERE id = '00000000-0000-7000-8000-000000000002';

UPDATE policy_profile SET rules_json = '{
  "normalInterval": "P1M",
  "longestInterval": "P1M",
  "breachAfter": null,
  "minimumSessionsPerYear": null,
  "minimumSessionMinutes": 90,
  "maximumSessionMinutes": null,
  "agreementMayLengthenInterval": false,
  "cadenceSteps": [
    {
      "categories": [
        "NEWLY_QUALIFIED"
      ],
      "employmentTypes": null,
      "measuredFrom": "POST_START",
      "from": "P0D",
      "until": "P6W",
      "interval": "P1W",
      "note": "Newly qualified social workers: supervision at least weekly for the first six weeks of employment (standard 5)."
    },
    {
      "categories": [
        "NEWLY_QUALIFIED"
      ],
      "employmentTypes": null,
      "measuredFrom": "POST_START",
      "from": "P6W",
      "until": "P6M",
      "interval": "P2W",
      "note": "Newly qualified social workers: supervision at least fortnightly for the duration of the first six months, then a minimum of monthly (standard 5)."
    }
  ],
  "categoryIntervals": [],
  "agreementSetsInterval": null,
  "agreementWithin": null,
  "agreementReviewEvery": null,
  "groupSupervision": "The standard sets no rule for group supervision. It asks employers to promote continuous learning and knowledge sharing in which social workers draw out learning points by reflecting on their own cases in the light of the experiences of peers, alongside regular one-to-one supervision.",
  "appraisal": null,
  "fileAudits": "The standard sets no audit schedule; it requires the actual frequency and quality of supervision to be monitored against clear statements about what is expected.",
  "retention": {
    "keepAfterLeaving": null,
    "onLeaving": null
  },
  "suppressionMinimum": 5
}'
WHERE id = '00000000-0000-7000-8000-000000000003';
