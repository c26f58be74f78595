package io.journeyengine.api.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityCaptured;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.merge.MergedProfile;
import io.journeyengine.journey.merge.ProfileMerged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crypto-shredding in the event serializer: sealed at rest, read in clear, [erased] once the key is gone. */
class PersonalDataModuleTest {

    private static final Touchpoint TP = new Touchpoint("tp-1", Channel.SMS, Instant.parse("2026-11-20T09:00:00Z"));
    private static final Identity PHONE = Identity.of(IdentityType.PHONE, "+31612345678");
    private static final Identity COOKIE = Identity.of(IdentityType.COOKIE_ID, "ck-secret-77");

    private PersonalDataKeys keys;
    private ObjectMapper mapper;

    @BeforeEach
    void keysInAFreshDatabase() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("CREATE TABLE personal_data_key (key_id VARCHAR(40) PRIMARY KEY, subject_id VARCHAR(100) "
                             + "NOT NULL UNIQUE, key_bytes BINARY VARYING NOT NULL, created_at TIMESTAMP WITH TIME "
                             + "ZONE NOT NULL)");
        keys = new PersonalDataKeys(jdbc, Duration.ofSeconds(5));
        mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                           .addModule(new PersonalDataModule(new PersonalDataCipher(keys))).build();
    }

    @Test
    void aPersonalValueIsStoredSealedAndReadInClear() throws Exception {
        String json = mapper.writeValueAsString(new IdentityCaptured("cust-a", TP, PHONE));
        assertThat(json).doesNotContain("612345678").contains("\"value\":{\"sealed\":\"").contains("\"PHONE\"");
        assertThat(mapper.readValue(json, IdentityCaptured.class).identity()).isEqualTo(PHONE);
    }

    @Test
    void onceTheKeyIsErasedTheValueReadsErasedAndTheRestOfTheEventStays() throws Exception {
        String json = mapper.writeValueAsString(new IdentityCaptured("cust-a", TP, PHONE));
        keys.erase(Set.of("cust-a"));
        IdentityCaptured read = mapper.readValue(json, IdentityCaptured.class);
        assertThat(read.identity()).isEqualTo(new Identity(IdentityType.PHONE, "[erased]"));
        assertThat(read.touchpoint()).isEqualTo(TP);
        assertThat(read.customerId()).isEqualTo("cust-a");
    }

    @Test
    void aMergedProfileInsideAnotherCustomersEventKeepsItsOwnKey() throws Exception {
        MergedProfile b = new MergedProfile("cust-b", List.of(COOKIE), List.of(), List.of(), List.of(), List.of(),
                                            List.of(), List.of(), List.of());
        String json = mapper.writeValueAsString(new ProfileMerged("cust-a", TP, "cust-b", PHONE, b, List.of()));
        assertThat(json).doesNotContain("ck-secret-77").doesNotContain("612345678");
        keys.erase(Set.of("cust-b"));
        ProfileMerged read = mapper.readValue(json, ProfileMerged.class);
        assertThat(read.profile().identities()).containsExactly(new Identity(IdentityType.COOKIE_ID, "[erased]"));
        assertThat(read.evidence()).isEqualTo(PHONE);
    }

    @Test
    void aPersonalValueOutsideAnyCustomerIsNeverWrittenInClear() {
        assertThatThrownBy(() -> mapper.writeValueAsString(PHONE)).hasMessageContaining("DataSubject");
    }

    @Test
    void plainStringsReadAsThemselves() throws Exception {
        String unsealed = "{\"customerId\":\"cust-a\",\"touchpoint\":{\"id\":\"tp-1\",\"channel\":\"SMS\","
                + "\"occurredAt\":\"2026-11-20T09:00:00Z\"},\"identity\":{\"type\":\"PHONE\",\"value\":\"+3161\"}}";
        assertThat(mapper.readValue(unsealed, IdentityCaptured.class).identity().value()).isEqualTo("+3161");
    }

    @Test
    void aValueSealedWithAnotherKeyReadsErased() throws Exception {
        String json = mapper.writeValueAsString(new IdentityCaptured("cust-a", TP, PHONE));
        String keyId = json.replaceAll(".*\"sealed\":\"([0-9a-f]+)\\..*", "$1");
        String forged = json.replace(keyId + ".", keys.currentKey("cust-z").id() + ".");
        assertThat(mapper.readValue(forged, IdentityCaptured.class).identity().value()).isEqualTo("[erased]");
    }
}
