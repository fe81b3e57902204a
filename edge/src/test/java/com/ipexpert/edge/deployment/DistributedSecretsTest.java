package com.ipexpert.edge.deployment;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DistributedSecretsTest {
    private static final String CHAIN_KEY = "Zk3pQ8vT1xR6mW2yB9nL4sD7hJ0cF5gA";
    private static final String RANDOM = "q3J9vX0b2mYtZ+8cL1kR7wNfA4sHdP6uGeVoI5xCjBnE"; // openssl rand -base64 33

    @Test
    void a_side_without_a_jwt_secret_is_refused() {
        assertThat(DistributedSecrets.jwtSecretProblem(null)).get().asString().contains("not set");
        assertThat(DistributedSecrets.jwtSecretProblem(" ")).get().asString().contains("not set");
    }

    @Test
    void a_short_secret_is_refused() {
        assertThat(DistributedSecrets.jwtSecretProblem("q3J9vX0b2mYtZ+8cL1kR7wNf")).get().asString().contains("shorter than 32");
    }

    @Test
    void sample_and_typed_secrets_are_refused() {
        assertThat(DistributedSecrets.jwtSecretProblem("change-me-change-me-change-me-change-me")).isPresent();
        assertThat(DistributedSecrets.jwtSecretProblem("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isPresent();
        assertThat(DistributedSecrets.jwtSecretProblem("abcdabcdabcdabcdabcdabcdabcdabcdabcd")).isPresent();
    }

    @Test
    void a_random_secret_is_accepted() {
        assertThat(DistributedSecrets.jwtSecretProblem(RANDOM)).isEmpty();
    }

    @Test
    void axon_server_without_a_token_is_refused_and_the_event_store_alone_needs_none() {
        MockEnvironment toAxonServer = new MockEnvironment().withProperty(DistributedSecrets.JWT_SECRET, RANDOM)
                .withProperty(DistributedSecrets.CHAIN_KEY, CHAIN_KEY);
        assertThat(DistributedSecrets.problems(toAxonServer)).singleElement().asString().contains("AXON_AXONSERVER_TOKEN");
        toAxonServer.setProperty(DistributedSecrets.AXON_SERVER_TOKEN, "token-from-the-environment");
        assertThat(DistributedSecrets.problems(toAxonServer)).isEmpty();
        MockEnvironment jpaStore = new MockEnvironment().withProperty(DistributedSecrets.JWT_SECRET, RANDOM)
                .withProperty(DistributedSecrets.CHAIN_KEY, CHAIN_KEY)
                .withProperty(DistributedSecrets.AXON_SERVER_ENABLED, "false");
        assertThat(DistributedSecrets.problems(jpaStore)).isEmpty();
    }

    @Test
    void every_instance_must_be_given_the_same_audit_chain_key_rather_than_generate_its_own() {
        MockEnvironment noKey = new MockEnvironment().withProperty(DistributedSecrets.JWT_SECRET, RANDOM)
                .withProperty(DistributedSecrets.AXON_SERVER_ENABLED, "false");
        assertThat(DistributedSecrets.problems(noKey)).singleElement().asString()
                .contains("IPEXPERT_AUDIT_CHAIN_KEY is not set");
        noKey.setProperty(DistributedSecrets.CHAIN_KEY, "secret-secret-secret-secret-secret-secret");
        assertThat(DistributedSecrets.problems(noKey)).singleElement().asString()
                .contains("IPEXPERT_AUDIT_CHAIN_KEY looks like a sample");
    }
}
