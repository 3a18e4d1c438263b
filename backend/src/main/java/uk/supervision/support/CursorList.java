package uk.supervision.support;

/**
 * The list a cursor was issued by. It is part of the signed content, so a genuine cursor of one list
 * sent to another is refused as a bad cursor instead of being read as that list's sort keys.
 */
public enum CursorList {
    SERVICES, TEAMS, POLICY_PROFILES, MACHINE_CLIENTS, STAFF, SUPERVISION_RELATIONS, AGREEMENTS, SESSIONS, ACTIONS,
    MY_ACTIVITY, ACTIVITY, SESSION_REQUESTS, CHILDREN, CASE_DISCUSSIONS,
    // issue 8: the decision feed and webhooks
    CASE_DECISIONS, WEBHOOKS, WEBHOOK_DELIVERIES,
    // issue 9: audits
    AUDITS,
    // issue 10: evidence packs
    EVIDENCE_PACKS,
    // issue 9: questionnaire
    QUESTIONNAIRE_INVITATIONS,
    // issue 9: sample
    AUDIT_SAMPLES,
    // issue 10: measures service
    MEASURE_PEOPLE
}
