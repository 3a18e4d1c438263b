package uk.supervision.team;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.integrity.HashChain;
import uk.supervision.support.ClockFactory;
import uk.supervision.support.Ids;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Creates an organisation with its adopted policy profile: the one way a new tenant comes to be. */
@Singleton
public class OrganisationSetup {
    private final OrganisationRepository organisations;
    private final JdbcOperations jdbc;
    private final HashChain chain;
    private final Clock clock;

    public OrganisationSetup(OrganisationRepository organisations, JdbcOperations jdbc, HashChain chain, Clock clock) {
        this.organisations = organisations;
        this.chain = chain;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Organisation create(String code, String name, String profileCode) {
        Instant now = clock.instant();
        Organisation organisation = organisations.save(new Organisation(Ids.newId(), code, name,
                ClockFactory.ORGANISATION_ZONE.getId(), now));
        int rows = jdbc.prepareStatement("INSERT INTO organisation_policy (organisation_id, profile_id, overrides_json, version, updated_at) "
                + "SELECT ?, id, '{}', 1, ? FROM policy_profile WHERE code = ?", ps -> {
            ps.setString(1, organisation.id());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, profileCode);
            return ps.executeUpdate();
        });
        if (rows != 1) {
            throw new IllegalArgumentException("No policy profile with code " + profileCode);
        }
        chain.startChain(organisation.id());   // so signing never has to create the head row
        return organisation;
    }
}
