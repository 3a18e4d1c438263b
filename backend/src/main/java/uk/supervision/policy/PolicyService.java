package uk.supervision.policy;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.AnswerOption;
import uk.supervision.api.model.AnswerType;
import uk.supervision.api.model.OrganisationPolicy;
import uk.supervision.api.model.OrganisationPolicyUpdate;
import uk.supervision.api.model.PolicyOverrides;
import uk.supervision.api.model.PolicyProfile;
import uk.supervision.api.model.PolicyProfilePage;
import uk.supervision.api.model.PolicyProfileRef;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.api.model.PolicyTemplate;
import uk.supervision.api.model.PolicyTemplateRef;
import uk.supervision.api.model.Retention;
import uk.supervision.api.model.SupervisionFunction;
import uk.supervision.api.model.TemplateItem;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.ETags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Policy profiles (rules are data) and the organisation's chosen profile with its own adjustments. */
@Singleton
public class PolicyService {
    private final PolicyRepositories.Profiles profiles;
    private final PolicyRepositories.Templates templates;
    private final PolicyRepositories.Items items;
    private final PolicyRepositories.OrganisationPolicies organisationPolicies;
    private final JsonMapper json;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final Clock clock;

    public PolicyService(PolicyRepositories.Profiles profiles, PolicyRepositories.Templates templates,
                         PolicyRepositories.Items items, PolicyRepositories.OrganisationPolicies organisationPolicies,
                         JsonMapper json, AccessPolicy access, ActivityLog activityLog, Clock clock) {
        this.profiles = profiles;
        this.templates = templates;
        this.items = items;
        this.organisationPolicies = organisationPolicies;
        this.json = json;
        this.access = access;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PolicyProfilePage list(Caller caller, Integer limit, String cursor) {
        access.requireReadOrganisation(caller);
        int size = Cursor.limit(limit);
        List<String> after = Cursor.decode(CursorList.POLICY_PROFILES, cursor, 1);
        List<PolicyProfileEntity> rows = profiles.page(after == null ? "" : after.get(0), size + 1);
        boolean more = rows.size() > size;
        List<PolicyProfileEntity> page = more ? rows.subList(0, size) : rows;
        PolicyProfilePage result = new PolicyProfilePage(withTemplates(page));
        if (more) {
            result.setNextCursor(Cursor.encode(CursorList.POLICY_PROFILES, page.get(page.size() - 1).code()));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public PolicyProfile get(Caller caller, UUID id) {
        access.requireReadOrganisation(caller);
        PolicyProfileEntity profile = profiles.findById(id.toString()).orElseThrow(() -> Problems.notFound("Policy profile " + id));
        return withTemplates(List.of(profile)).get(0);
    }

    /** One template version, old ones included: an agreement or record is shown with the version it was made with. */
    @Transactional(readOnly = true)
    public PolicyTemplate template(Caller caller, UUID id) {
        access.requireReadOrganisation(caller);
        PolicyTemplateEntity template = templates.findById(id.toString()).orElseThrow(() -> Problems.notFound("Template " + id));
        return dto(template, items.findByTemplateIdInOrderByPosition(List.of(template.id())));
    }

    @Transactional(readOnly = true)
    public OrganisationPolicyView organisationPolicy(Caller caller) {
        access.requireReadOrganisation(caller);
        return view(current(caller.organisationId()));
    }

    @Transactional
    public OrganisationPolicyView update(Caller caller, OrganisationPolicyUpdate body, String ifMatch) {
        access.requireAdministrator(caller);
        OrganisationPolicyEntity current = current(caller.organisationId());
        ETags.requireCurrent(ifMatch, current.version());
        PolicyProfileEntity profile = profiles.findById(body.getProfileId().toString())
                .orElseThrow(() -> Problems.rule("/profileId", "There is no such policy profile."));
        PolicyOverrides overrides = body.getOverrides();
        PolicyRules effective = merge(rules(profile), overrides);
        checkCoherent(effective);
        String agreementTemplateId = null;
        if (body.getAgreementTemplateId() != null) {
            agreementTemplateId = templates.findById(body.getAgreementTemplateId().toString())
                    .filter(t -> t.kind().equals(TemplateKind.AGREEMENT.name()))
                    .orElseThrow(() -> Problems.rule("/agreementTemplateId", "There is no such agreement template.")).id();
        }
        organisationPolicies.update(new OrganisationPolicyEntity(current.organisationId(), profile.id(), write(overrides),
                current.version(), clock.instant()));
        organisationPolicies.chooseAgreementTemplate(current.organisationId(), agreementTemplateId);
        activityLog.record(caller, "POLICY_UPDATED", "organisation_policy", current.organisationId(),
                "profile " + profile.code() + ", overrides " + write(overrides)
                        + (agreementTemplateId == null ? "" : ", agreement template " + agreementTemplateId));
        return view(current(caller.organisationId()));
    }

    /** The rules in force for an organisation: its profile's rules with its adjustments applied. */
    @Transactional(readOnly = true)
    public PolicyRules effectiveRules(String organisationId) {
        PolicyRepositories.AdoptedRules adopted = organisationPolicies.findAdoptedRules(organisationId)
                .orElseThrow(() -> Problems.notFound("The organisation's policy (no profile has been adopted)"));
        return merge(read(adopted.rulesJson(), PolicyRules.class), read(adopted.overridesJson(), PolicyOverrides.class));
    }

    /** A template version with its items in order: what an agreement or record is drafted from and checked against. */
    public record ActiveTemplate(String id, List<TemplateItemEntity> items) {
        public List<String> keys() {
            return items.stream().map(TemplateItemEntity::itemKey).toList();
        }

        public Optional<TemplateItemEntity> item(String key) {
            return items.stream().filter(i -> i.itemKey().equals(key)).findFirst();
        }
    }

    /**
     * The template new records of a kind are drafted from: the newest version of the organisation's chosen
     * agreement text if it chose one, else the newest version of its profile's own template of that kind.
     */
    @Transactional(readOnly = true)
    public ActiveTemplate activeTemplate(String organisationId, TemplateKind kind) {
        OrganisationPolicyEntity policy = current(organisationId);
        Optional<PolicyTemplateEntity> chosen = kind == TemplateKind.AGREEMENT
                ? templates.chosenAgreementTemplate(organisationId) : Optional.empty();
        PolicyTemplateEntity template = newest(chosen.map(PolicyTemplateEntity::profileId).orElse(policy.profileId()), kind,
                chosen.map(PolicyTemplateEntity::variant).orElse(null))
                .orElseThrow(() -> Problems.rule("", "The organisation's policy profile has no " + kind.name().toLowerCase().replace('_', ' ') + " template."));
        return template(template.id());
    }

    /** A stored template version (any version: records keep theirs). */
    @Transactional(readOnly = true)
    public ActiveTemplate template(String templateId) {
        return new ActiveTemplate(templateId, items.findByTemplateIdInOrderByPosition(List.of(templateId)));
    }

    private Optional<PolicyTemplateEntity> newest(String profileId, TemplateKind kind, String variant) {
        return templates.findByProfileIdIn(List.of(profileId)).stream()
                .filter(t -> t.kind().equals(kind.name()) && Objects.equals(t.variant(), variant))
                .max(Comparator.comparingInt(PolicyTemplateEntity::version));
    }

    public record OrganisationPolicyView(OrganisationPolicy policy, int version) {
    }

    // ---- helpers

    private OrganisationPolicyEntity current(String organisationId) {
        return organisationPolicies.findById(organisationId)
                .orElseThrow(() -> Problems.notFound("The organisation's policy (no profile has been adopted)"));
    }

    private OrganisationPolicyView view(OrganisationPolicyEntity entity) {
        PolicyProfileEntity profile = profiles.findById(entity.profileId()).orElseThrow();
        PolicyOverrides overrides = read(entity.overridesJson(), PolicyOverrides.class);
        Optional<PolicyTemplateEntity> chosen = templates.chosenAgreementTemplate(entity.organisationId());
        PolicyTemplateEntity agreement = newest(chosen.map(PolicyTemplateEntity::profileId).orElse(profile.id()), TemplateKind.AGREEMENT,
                chosen.map(PolicyTemplateEntity::variant).orElse(null)).orElseThrow();
        PolicyTemplateRef agreementRef = new PolicyTemplateRef(UUID.fromString(agreement.id()), TemplateKind.AGREEMENT,
                agreement.version(), agreement.title());
        agreementRef.setVariant(agreement.variant());
        OrganisationPolicy dto = new OrganisationPolicy(
                new PolicyProfileRef(UUID.fromString(profile.id()), profile.code(), profile.name()), agreementRef, overrides,
                merge(rules(profile), overrides), entity.version(), entity.updatedAt().atOffset(ZoneOffset.UTC));
        dto.setAgreementTemplateChosen(chosen.isPresent());
        return new OrganisationPolicyView(dto, entity.version());
    }

    /** Profiles with their newest template of each kind and of each variant, in three queries whatever the page size. */
    private List<PolicyProfile> withTemplates(List<PolicyProfileEntity> page) {
        List<String> ids = page.stream().map(PolicyProfileEntity::id).toList();
        // profile -> (kind, or kind/variant) -> newest version
        Map<String, Map<String, PolicyTemplateEntity>> newest = new HashMap<>();
        for (PolicyTemplateEntity t : templates.findByProfileIdIn(ids)) {
            String line = t.variant() == null ? t.kind() : t.kind() + "/" + t.variant();
            newest.computeIfAbsent(t.profileId(), k -> new HashMap<>())
                    .merge(line, t, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<String> templateIds = newest.values().stream().flatMap(m -> m.values().stream()).map(PolicyTemplateEntity::id).toList();
        Map<String, List<TemplateItemEntity>> itemsByTemplate = templateIds.isEmpty() ? Map.of()
                : items.findByTemplateIdInOrderByPosition(templateIds).stream()
                .collect(Collectors.groupingBy(TemplateItemEntity::templateId));
        Comparator<PolicyTemplateEntity> order = Comparator.comparing((PolicyTemplateEntity t) -> TemplateKind.valueOf(t.kind()).ordinal())
                .thenComparing(t -> t.variant() == null ? "" : t.variant());
        List<PolicyProfile> out = new ArrayList<>();
        for (PolicyProfileEntity p : page) {
            List<PolicyTemplateEntity> lines = newest.getOrDefault(p.id(), Map.of()).values().stream().sorted(order).toList();
            PolicyProfile profile = new PolicyProfile(UUID.fromString(p.id()), p.code(), p.name(), p.description(), p.source(), rules(p),
                    lines.stream().filter(t -> t.variant() == null).map(t -> dto(t, itemsByTemplate.getOrDefault(t.id(), List.of()))).toList());
            List<PolicyTemplate> alternatives = lines.stream().filter(t -> t.variant() != null)
                    .map(t -> dto(t, itemsByTemplate.getOrDefault(t.id(), List.of()))).toList();
            if (!alternatives.isEmpty()) {
                profile.setAlternatives(alternatives);
            }
            out.add(profile);
        }
        return out;
    }

    private static PolicyTemplate dto(PolicyTemplateEntity t, List<TemplateItemEntity> templateItems) {
        PolicyTemplate template = new PolicyTemplate(UUID.fromString(t.id()), TemplateKind.valueOf(t.kind()), t.version(), t.title(),
                t.source(), templateItems.stream().map(PolicyService::item).toList());
        template.setVariant(t.variant());
        template.setGuidance(t.guidance());
        return template;
    }

    private static TemplateItem item(TemplateItemEntity i) {
        AnswerType type = AnswerType.valueOf(i.answerType());
        TemplateItem item = new TemplateItem(i.itemKey(), i.position(), i.section(), i.label(), type, i.required());
        item.setHint(i.hint());
        List<AnswerOption> options = AnswerScales.options(type);
        if (!options.isEmpty()) {
            item.setOptions(options);
        }
        if (i.functionTag() != null) {
            item.setFunction(SupervisionFunction.valueOf(i.functionTag()));
        }
        return item;
    }

    private PolicyRules rules(PolicyProfileEntity profile) {
        return read(profile.rulesJson(), PolicyRules.class);
    }

    static PolicyRules merge(PolicyRules base, PolicyOverrides o) {
        if (o == null) {
            return base;
        }
        if (o.getNormalInterval() != null) base.setNormalInterval(o.getNormalInterval());
        if (o.getLongestInterval() != null) base.setLongestInterval(o.getLongestInterval());
        if (o.getBreachAfter() != null) base.setBreachAfter(o.getBreachAfter());
        if (o.getMinimumSessionsPerYear() != null) base.setMinimumSessionsPerYear(o.getMinimumSessionsPerYear());
        if (o.getMinimumSessionMinutes() != null) base.setMinimumSessionMinutes(o.getMinimumSessionMinutes());
        if (o.getMaximumSessionMinutes() != null) base.setMaximumSessionMinutes(o.getMaximumSessionMinutes());
        if (o.getAgreementMayLengthenInterval() != null) base.setAgreementMayLengthenInterval(o.getAgreementMayLengthenInterval());
        if (o.getCategoryIntervals() != null) base.setCategoryIntervals(o.getCategoryIntervals());
        if (o.getAgreementWithin() != null) base.setAgreementWithin(o.getAgreementWithin());
        if (o.getAgreementReviewEvery() != null) base.setAgreementReviewEvery(o.getAgreementReviewEvery());
        if (o.getSuppressionMinimum() != null) base.setSuppressionMinimum(o.getSuppressionMinimum());
        // issue 9: sample - each schedule rule overridden on its own
        if (o.getAuditSchedule() != null) {
            uk.supervision.api.model.AuditScheduleRules a = base.getAuditSchedule() == null
                    ? new uk.supervision.api.model.AuditScheduleRules() : base.getAuditSchedule();
            if (o.getAuditSchedule().getQaSampleQuarterly() != null) a.setQaSampleQuarterly(o.getAuditSchedule().getQaSampleQuarterly());
            if (o.getAuditSchedule().getServiceManagerMonthly() != null) a.setServiceManagerMonthly(o.getAuditSchedule().getServiceManagerMonthly());
            if (o.getAuditSchedule().getHeadOfServiceQuarterly() != null) a.setHeadOfServiceQuarterly(o.getAuditSchedule().getHeadOfServiceQuarterly());
            base.setAuditSchedule(a);
        }
        if (o.getKeepAfterLeaving() != null) {
            Retention r = base.getRetention() == null ? new Retention() : base.getRetention();
            r.setKeepAfterLeaving(o.getKeepAfterLeaving());
            base.setRetention(r);
        }
        // issue 10: measures - the caseload level and the managers' training deadlines
        if (o.getCaseloadLevel() != null) base.setCaseloadLevel(o.getCaseloadLevel());
        if (o.getManagerTrainingWithin() != null) base.setManagerTrainingWithin(o.getManagerTrainingWithin());
        if (o.getAllManagersTrainingWithin() != null) base.setAllManagersTrainingWithin(o.getAllManagersTrainingWithin());
        return base;
    }

    /** Rules that contradict each other are refused (422) with the field to change. */
    static void checkCoherent(PolicyRules r) {
        if (days(r.getLongestInterval()) < days(r.getNormalInterval())) {
            throw Problems.rule("/overrides/longestInterval", "The longest allowed gap cannot be shorter than the normal interval.");
        }
        if (r.getBreachAfter() != null && days(r.getBreachAfter()) < days(r.getLongestInterval())) {
            throw Problems.rule("/overrides/breachAfter", "The breach limit cannot be shorter than the longest allowed gap.");
        }
        if (r.getMaximumSessionMinutes() != null && r.getMaximumSessionMinutes() < r.getMinimumSessionMinutes()) {
            throw Problems.rule("/overrides/maximumSessionMinutes", "The longest session cannot be shorter than the shortest.");
        }
        if (days(r.getNormalInterval()) == 0) {
            throw Problems.rule("/overrides/normalInterval", "The normal interval must be longer than zero days.");
        }
    }

    /** Approximate length for comparisons only (a month as 30 days); schedules use calendar arithmetic. */
    static long days(String iso) {
        Period p = Period.parse(iso);
        return p.getYears() * 365L + p.getMonths() * 30L + p.getDays();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored policy document does not parse", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value == null ? new PolicyOverrides() : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
