package uk.supervision.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The policy feature's repositories, kept together: they are only ever used by PolicyService. */
public final class PolicyRepositories {
    private PolicyRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    public interface Profiles extends CrudRepository<PolicyProfileEntity, String> {
        Optional<PolicyProfileEntity> findByCode(String code);

        @Query("SELECT * FROM policy_profile WHERE code > :afterCode ORDER BY code LIMIT :limit")
        List<PolicyProfileEntity> page(String afterCode, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    public interface Templates extends CrudRepository<PolicyTemplateEntity, String> {
        List<PolicyTemplateEntity> findByProfileIdIn(Collection<String> profileIds);

        /** The agreement text the organisation chose, as it stored it (any version of that text). */
        @Query("SELECT t.* FROM policy_template t JOIN organisation_policy o ON o.agreement_template_id = t.id"
                + " WHERE o.organisation_id = :organisationId")
        Optional<PolicyTemplateEntity> chosenAgreementTemplate(String organisationId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    public interface Items extends CrudRepository<TemplateItemEntity, String> {
        List<TemplateItemEntity> findByTemplateIdInOrderByPosition(Collection<String> templateIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    public interface OrganisationPolicies extends CrudRepository<OrganisationPolicyEntity, String> {
        /** Null: the profile's own agreement template. */
        @Query("UPDATE organisation_policy SET agreement_template_id = :templateId WHERE organisation_id = :organisationId")
        void chooseAgreementTemplate(String organisationId, @Nullable String templateId);

        /** The adopted profile's rules and the organisation's overrides, in one statement (every schedule reads them). */
        @Query("SELECT p.rules_json, o.overrides_json FROM organisation_policy o JOIN policy_profile p ON p.id = o.profile_id "
                + "WHERE o.organisation_id = :organisationId")
        Optional<AdoptedRules> findAdoptedRules(String organisationId);
    }

    @io.micronaut.core.annotation.Introspected
    public record AdoptedRules(String rulesJson, String overridesJson) {
    }
}
