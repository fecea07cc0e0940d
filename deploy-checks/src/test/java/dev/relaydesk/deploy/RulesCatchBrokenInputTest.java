package dev.relaydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule on small fixtures: it passes a good input and names the fault in a broken one. */
class RulesCatchBrokenInputTest {

    private static final ServiceModule TICKETS = ServiceModule.of("ticket-service", """
            quarkus.application.name=ticket-service
            quarkus.http.port=8081
            quarkus.datasource.username=relaydesk
            quarkus.datasource.password=relaydesk
            quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/relaydesk
            quarkus.oidc.client-id=relaydesk-services
            kafka.bootstrap.servers=127.0.0.1:9092
            relaydesk.internal.api-key=local-internal-key
            relaydesk.mail.smtp-host=127.0.0.1
            relaydesk.mail.smtp-port=3025
            relaydesk.tickets.internal-url=http://127.0.0.1:8081
            quarkus.rest-client.tickets.url=${relaydesk.tickets.internal-url}
            %test.relaydesk.other-url=http://127.0.0.1:9
            mp.messaging.incoming.mail-received-in.topic=MailReceived
            mp.messaging.incoming.mail-received-in.failure-strategy=dead-letter-queue
            mp.messaging.incoming.note-added-in.failure-strategy=dead-letter-queue
            mp.messaging.incoming.note-added-in.dead-letter-queue.topic=NoteAdded-dlq
            mp.messaging.outgoing.ticket-created-out.connector=smallrye-kafka
            """);

    private static final String GOOD_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ticket-service}
            spec:
              template:
                spec:
                  securityContext: {runAsNonRoot: true, runAsUser: 185}
                  containers:
                    - name: ticket-service
                      image: registry.example.com/relaydesk/ticket-service:0.1.0
                      ports: [{name: http, containerPort: 8081}]
                      envFrom: [{configMapRef: {name: platform}}]
                      env:
                        - {name: QUARKUS_DATASOURCE_USERNAME, valueFrom: {secretKeyRef: {name: db, key: username}}}
                        - {name: QUARKUS_DATASOURCE_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                        - {name: RELAYDESK_INTERNAL_API_KEY, valueFrom: {secretKeyRef: {name: key, key: api-key}}}
                      resources:
                        requests: {cpu: 100m, memory: 512Mi}
                        limits: {cpu: "1", memory: 512Mi}
                      livenessProbe: {httpGet: {path: /q/health/live, port: http}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: 8081}}
                      securityContext: {allowPrivilegeEscalation: false}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: platform}
            data:
              QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://db:5432/relaydesk
              KAFKA_BOOTSTRAP_SERVERS: kafka:9092
              RELAYDESK_MAIL_SMTP_HOST: mail
              RELAYDESK_MAIL_SMTP_PORT: "25"
              RELAYDESK_TICKETS_INTERNAL_URL: http://ticket-service:8081
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: ticket-service}
            spec:
              ports: [{name: http, port: 8081, targetPort: http}]
            """;

    @Nested
    class RequiredConfiguration {

        @Test
        void infrastructureAddressesCredentialsAndTheirPortsAreRequiredNothingElse() {
            assertEquals(Set.of("quarkus.datasource.username", "quarkus.datasource.password",
                    "quarkus.datasource.jdbc.url", "kafka.bootstrap.servers", "relaydesk.internal.api-key",
                    "relaydesk.mail.smtp-host", "relaydesk.mail.smtp-port", "relaydesk.tickets.internal-url"),
                    TICKETS.requiredKeys().keySet());
        }

        @Test
        void propertiesMapToMicroProfileEnvironmentVariables() {
            assertEquals("QUARKUS_OIDC_AUTH_SERVER_URL", ServiceModule.environmentVariable("quarkus.oidc.auth-server-url"));
        }

        @Test
        void aDeploymentWithoutOneRequiredVariableIsNamed() {
            List<JsonNode> good = Manifests.parse(GOOD_DEPLOYMENT);
            assertEquals(List.of(), ManifestRules.serviceConfiguration(good, List.of(TICKETS)));

            List<JsonNode> broken = Manifests.parse(GOOD_DEPLOYMENT.replace("\n  KAFKA_BOOTSTRAP_SERVERS: kafka:9092", ""));
            assertEquals(List.of("Deployment/ticket-service does not set KAFKA_BOOTSTRAP_SERVERS (kafka.bootstrap.servers"
                    + " is required: its default 127.0.0.1:9092 points at this machine)"),
                    ManifestRules.serviceConfiguration(broken, List.of(TICKETS)));
        }

        @Test
        void aComposeServiceWithoutOneRequiredVariableIsNamed() {
            JsonNode compose = Manifests.parseOne("""
                    services:
                      ticket-service:
                        environment:
                          QUARKUS_DATASOURCE_USERNAME: relaydesk
                          QUARKUS_DATASOURCE_PASSWORD: relaydesk
                          QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://postgres:5432/relaydesk
                          KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                          RELAYDESK_INTERNAL_API_KEY: key
                          RELAYDESK_MAIL_SMTP_HOST: mailpit
                          RELAYDESK_TICKETS_INTERNAL_URL: http://ticket-service:8081
                    """);
            assertEquals(List.of("compose service ticket-service does not set RELAYDESK_MAIL_SMTP_PORT"
                    + " (relaydesk.mail.smtp-port is required: it is the port of relaydesk.mail.smtp-host)"),
                    ComposeRules.serviceConfiguration(compose, List.of(TICKETS)));
        }

        @Test
        void credentialsInAConfigMapOrALiteralEnvValueAreRefused() {
            List<JsonNode> broken = Manifests.parse(GOOD_DEPLOYMENT
                    .replace("{name: RELAYDESK_INTERNAL_API_KEY, valueFrom: {secretKeyRef: {name: key, key: api-key}}}",
                            "{name: RELAYDESK_INTERNAL_API_KEY, value: s3cret}")
                    .replace("KAFKA_BOOTSTRAP_SERVERS: kafka:9092", "QUARKUS_DATASOURCE_PASSWORD: s3cret"));
            assertEquals(2, ManifestRules.credentialsOnlyInSecrets(broken).size(), ManifestRules.credentialsOnlyInSecrets(broken)::toString);
            assertEquals(List.of(), ManifestRules.credentialsOnlyInSecrets(Manifests.parse(GOOD_DEPLOYMENT)));
        }
    }

    @Nested
    class Workloads {

        @Test
        void aGoodDeploymentPasses() {
            List<JsonNode> good = Manifests.parse(GOOD_DEPLOYMENT);
            assertEquals(List.of(), ManifestRules.workloads(good));
            assertEquals(List.of(), ManifestRules.serviceWorkloads(good, List.of(TICKETS)));
            assertEquals(List.of(), ManifestRules.pinnedImages(good));
        }

        @Test
        void missingProbesLimitsAndRootAreEachNamed() {
            List<JsonNode> broken = Manifests.parse("""
                    kind: Deployment
                    metadata: {name: ticket-service}
                    spec:
                      template:
                        spec:
                          securityContext: {runAsUser: 0}
                          containers:
                            - name: ticket-service
                              image: relaydesk/ticket-service:latest
                              resources: {requests: {cpu: 100m, memory: 512Mi}}
                    """);
            assertEquals(List.of(
                    "Deployment/ticket-service container ticket-service has no liveness probe",
                    "Deployment/ticket-service container ticket-service has no readiness probe",
                    "Deployment/ticket-service container ticket-service has no cpu limit",
                    "Deployment/ticket-service container ticket-service has no memory limit",
                    "Deployment/ticket-service container ticket-service does not set runAsNonRoot: true (non-root user required)",
                    "Deployment/ticket-service container ticket-service does not run as a numeric non-root runAsUser",
                    "Deployment/ticket-service container ticket-service does not set allowPrivilegeEscalation: false"),
                    ManifestRules.workloads(broken));
            assertEquals(List.of("Deployment/ticket-service runs relaydesk/ticket-service:latest, not a pinned tag"),
                    ManifestRules.pinnedImages(broken));
        }

        @Test
        void probesOnTheWrongPathOrPortAreNamed() {
            List<JsonNode> broken = Manifests.parse(GOOD_DEPLOYMENT
                    .replace("/q/health/live", "/health")
                    .replace("path: /q/health/ready, port: 8081", "path: /q/health/ready, port: 8080"));
            assertEquals(List.of("Deployment/ticket-service livenessProbe must GET /q/health/live on port 8081",
                    "Deployment/ticket-service readinessProbe must GET /q/health/ready on port 8081"),
                    ManifestRules.serviceWorkloads(broken, List.of(TICKETS)));
        }
    }

    @Nested
    class Secrets {

        private static final String REFERENCES = """
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  bootstrap: {initdb: {secret: {name: db}}}
                ---
                kind: Ingress
                metadata: {name: web}
                spec:
                  tls: [{hosts: [a.example.com], secretName: web-tls}]
                ---
                kind: KeycloakRealmImport
                metadata: {name: realm}
                spec:
                  realm:
                    clients: [{clientId: web, secret: "${WEB_SECRET}"}]
                  placeholders:
                    WEB_SECRET: {secret: {name: realm-secrets, key: web}}
                """;

        @Test
        void referencesAreFoundInContainersOperatorsIngressesAndPlaceholdersButNotInTheRealm() {
            assertEquals(List.of(
                    new ManifestRules.SecretReference("db", "password", "Deployment/app", false),
                    new ManifestRules.SecretReference("db", null, "Cluster/db", false),
                    new ManifestRules.SecretReference("web-tls", null, "Ingress/web", true),
                    new ManifestRules.SecretReference("realm-secrets", "web", "KeycloakRealmImport/realm", false)),
                    ManifestRules.secretReferences(Manifests.parse(REFERENCES)));
        }

        @Test
        void outOfBandOverlaysRenderNoSecretAndEveryReferenceHasATemplate() {
            List<JsonNode> templates = Manifests.parse("""
                    kind: Secret
                    metadata: {name: db}
                    stringData: {username: CHANGE_ME, password: CHANGE_ME}
                    ---
                    kind: Secret
                    metadata: {name: realm-secrets}
                    stringData: {web: CHANGE_ME}
                    """);
            assertEquals(List.of(), ManifestRules.outOfBandSecrets(Manifests.parse(REFERENCES), templates));

            List<JsonNode> inlined = Manifests.parse(REFERENCES + """
                    ---
                    kind: Secret
                    metadata: {name: db}
                    stringData: {password: hunter2}
                    """);
            List<JsonNode> realValueInTemplate = Manifests.parse("""
                    kind: Secret
                    metadata: {name: db}
                    stringData: {password: hunter2}
                    """);
            assertEquals(List.of(
                    "Secret db is rendered with its values: this overlay must reference Secrets created out of band",
                    "KeycloakRealmImport/realm references Secret realm-secrets, which has no template in"
                            + " deploy/base/**/secrets.template.yaml",
                    "template of Secret db key password holds a value: templates hold CHANGE_ME only"),
                    ManifestRules.outOfBandSecrets(inlined, realValueInTemplate));
        }

        @Test
        void localSecretsMustBeReferencedCompleteAndObviouslyLocal() {
            String local = """
                    kind: Deployment
                    metadata: {name: app}
                    spec:
                      template:
                        spec:
                          containers:
                            - name: app
                              env:
                                - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                                - {name: KEY, valueFrom: {secretKeyRef: {name: api, key: api-key}}}
                    ---
                    kind: Secret
                    metadata: {name: db}
                    data: {username: cmVsYXlkZXNr, password: bG9jYWwtZGItcGFzc3dvcmQ=}
                    """;
            assertEquals(List.of("Deployment/app references Secret api, which this overlay does not create"),
                    ManifestRules.localSecrets(Manifests.parse(local)));

            List<JsonNode> broken = Manifests.parse(local + """
                    ---
                    kind: Secret
                    metadata: {name: api}
                    stringData: {api-key: prod-key-123}
                    ---
                    kind: Secret
                    metadata: {name: forgotten}
                    stringData: {token: local-token}
                    """);
            assertEquals(List.of(
                    "Secret api key api-key holds a value that is not obviously local (local values start with local-)",
                    "Secret forgotten is not referenced by anything"),
                    ManifestRules.localSecrets(broken));
        }

        @Test
        void aProductionRealmWithDemoUsersPasswordGrantOrLiteralSecretsIsRefused() {
            List<JsonNode> realm = Manifests.parse("""
                    kind: KeycloakRealmImport
                    metadata: {name: realm}
                    spec:
                      realm:
                        users: [{username: admin, credentials: [{type: password, value: admin}]}]
                        clients:
                          - {clientId: cli, directAccessGrantsEnabled: true}
                          - {clientId: web, secret: web-secret}
                          - {clientId: svc, secret: "${SVC_SECRET}"}
                    """);
            assertEquals(List.of(
                    "KeycloakRealmImport/realm creates user admin with a password",
                    "KeycloakRealmImport/realm client cli allows the password grant",
                    "KeycloakRealmImport/realm client web has a literal secret",
                    "KeycloakRealmImport/realm client svc uses placeholder SVC_SECRET, which spec.placeholders does not define"),
                    ManifestRules.realmWithoutDemoCredentials(realm));
        }
    }

    @Nested
    class Kafka {

        private static final String TOPICS = """
                kind: Kafka
                metadata: {name: relaydesk}
                ---
                kind: KafkaTopic
                metadata: {name: mail-received, labels: {strimzi.io/cluster: relaydesk}}
                spec: {topicName: MailReceived, partitions: 6, config: {retention.ms: 604800000}}
                ---
                kind: KafkaTopic
                metadata: {name: dead-letter-topic-mail-received-in, labels: {strimzi.io/cluster: relaydesk}}
                spec: {partitions: 3, config: {retention.ms: 2419200000}}
                ---
                kind: HorizontalPodAutoscaler
                metadata: {name: ticket-service}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ticket-service}
                  maxReplicas: 6
                  metrics: [{type: Resource, resource: {name: cpu}}]
                """;

        @Test
        void topicsComeFromChannelsAndTheirDeadLetterTopics() {
            assertEquals(Set.of("MailReceived", "dead-letter-topic-mail-received-in", "note-added-in", "NoteAdded-dlq",
                    "ticket-created-out"), TICKETS.topicsUsed());
            assertEquals(Set.of("MailReceived", "note-added-in"), TICKETS.consumedTopics());
        }

        @Test
        void aChannelReadingSeveralTopicsUsesEachOfThem() {
            ServiceModule gateway = ServiceModule.of("provider-gateway", """
                    relaydesk.webhooks.topics=TicketCreated, NoteAdded
                    mp.messaging.incoming.ticket-events-in.topics=${relaydesk.webhooks.topics}
                    mp.messaging.incoming.ticket-events-in.failure-strategy=dead-letter-queue
                    """);
            assertEquals(Set.of("TicketCreated", "NoteAdded"), gateway.consumedTopics());
            assertEquals(Set.of("TicketCreated", "NoteAdded", "dead-letter-topic-ticket-events-in"), gateway.topicsUsed());
        }

        @Test
        void anUndeclaredTopicOrOneWithoutRetentionIsNamed() {
            Map<String, String> used = new TreeMap<>(Map.of("MailReceived", "EventType.MAIL_RECEIVED",
                    "dead-letter-topic-mail-received-in", "ticket-service"));
            assertEquals(List.of(), ManifestRules.topics(Manifests.parse(TOPICS), used));

            used.put("TicketAssigned", "EventType.TICKET_ASSIGNED");
            List<JsonNode> broken = Manifests.parse(TOPICS.replace("config: {retention.ms: 2419200000}", "config: {}"));
            assertEquals(List.of(
                    "KafkaTopic/dead-letter-topic-mail-received-in declares no retention (retention.ms or retention.bytes)",
                    "topic TicketAssigned (used by EventType.TICKET_ASSIGNED) is not declared as a KafkaTopic"),
                    ManifestRules.topics(broken, used));
        }

        @Test
        void anAutoscalerBeyondThePartitionsOfAConsumedTopicIsNamed() {
            ServiceModule consumer = ServiceModule.of("ticket-service", """
                    mp.messaging.incoming.mail-received-in.topic=MailReceived
                    """);
            assertEquals(List.of(), ManifestRules.autoscalers(Manifests.parse(TOPICS), List.of(consumer)));
            assertEquals(List.of("HorizontalPodAutoscaler/ticket-service allows 8 replicas but topic MailReceived has 6 partitions"),
                    ManifestRules.autoscalers(Manifests.parse(TOPICS.replace("maxReplicas: 6", "maxReplicas: 8")),
                            List.of(consumer)));
            assertTrue(ManifestRules.autoscalers(List.of(), List.of(consumer)).get(0).contains("has no HorizontalPodAutoscaler"));
        }
    }

    @Nested
    class Compose {

        @Test
        void containersWithoutHealthCheckLimitOrHealthyDependencyAreNamed() {
            JsonNode compose = Manifests.parseOne("""
                    services:
                      postgres:
                        mem_limit: 512m
                        healthcheck: {test: [CMD, pg_isready]}
                      ticket-service:
                        depends_on:
                          postgres: {condition: service_started}
                      portal-service:
                        mem_limit: 512m
                        healthcheck: {test: [CMD, true]}
                        depends_on: [postgres]
                    """);
            assertEquals(List.of(
                    "compose service ticket-service has no health check",
                    "compose service ticket-service has no memory limit",
                    "compose service ticket-service does not wait for postgres to be healthy",
                    "compose service portal-service depends_on without condition: service_healthy"),
                    ComposeRules.containers(compose));
        }
    }

    @Nested
    class KeycloakLoginProvider {

        private static final LoginProviderModule PROVIDER = new LoginProviderModule("relaydesk-login",
                "keycloak-login-provider/target/keycloak-login-provider.jar", "26.7.3",
                Set.of("gateway-url", "internal-key", "timeout-ms"));

        private static final String GOOD_DOCKERFILE = """
                ARG KEYCLOAK_VERSION=26.7.3
                FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION} AS builder
                COPY keycloak-login-provider/target/keycloak-login-provider.jar /opt/keycloak/providers/
                RUN /opt/keycloak/bin/kc.sh build \\
                    --db=postgres
                FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}
                COPY --from=builder /opt/keycloak/ /opt/keycloak/
                """;

        private static final String GOOD_MANIFESTS = """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: relaydesk-keycloak}
                spec:
                  image: registry.example.com/relaydesk/keycloak:0.1.0
                  startOptimized: true
                  additionalOptions:
                    - {name: spi-user-storage--relaydesk-login--gateway-url, value: "http://provider-gateway:8086"}
                    - {name: spi-user-storage--relaydesk-login--internal-key, secret: {name: internal-key, key: api-key}}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: relaydesk-realm}
                spec:
                  realm:
                    components:
                      org.keycloak.storage.UserStorageProvider: [{name: relaydesk-login, providerId: relaydesk-login}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: provider-gateway}
                spec:
                  selector: {app.kubernetes.io/name: provider-gateway}
                  ports: [{name: http, port: 8086, targetPort: http}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: provider-gateway}
                spec:
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: provider-gateway}
                    spec:
                      containers:
                        - name: provider-gateway
                          env:
                            - {name: RELAYDESK_INTERNAL_API_KEY, valueFrom: {secretKeyRef: {name: internal-key, key: api-key}}}
                """;

        @Test
        void aDockerfileWithoutTheProviderOrAtAnotherReleaseIsNamed() {
            assertEquals(List.of(), KeycloakProviderRules.dockerfile(GOOD_DOCKERFILE, PROVIDER));
            assertEquals(List.of("FROM quay.io/keycloak/keycloak:26.4: the provider is compiled against"
                    + " quay.io/keycloak/keycloak:26.7.3 (keycloak.version in the parent pom)"),
                    KeycloakProviderRules.dockerfile(GOOD_DOCKERFILE.replace("${KEYCLOAK_VERSION} AS", "26.4 AS"), PROVIDER));
            String noBuild = "no stage copies keycloak-login-provider/target/keycloak-login-provider.jar into"
                    + " /opt/keycloak/providers/ and then runs kc.sh build (Keycloak only loads providers it was built with)";
            assertEquals(List.of(noBuild), KeycloakProviderRules.dockerfile(GOOD_DOCKERFILE
                    .replace("keycloak-login-provider/target/keycloak-login-provider.jar", "target/other.jar"), PROVIDER));
            assertEquals(List.of(noBuild), KeycloakProviderRules.dockerfile(GOOD_DOCKERFILE
                    .replace("RUN /opt/keycloak/bin/kc.sh build", "RUN true"), PROVIDER));
            assertEquals(List.of("the last stage does not take /opt/keycloak from stage builder, where the provider was"
                    + " built in"), KeycloakProviderRules.dockerfile(GOOD_DOCKERFILE
                    .replace("COPY --from=builder /opt/keycloak/ /opt/keycloak/", "USER 1000"), PROVIDER));
        }

        @Test
        void aKeycloakWithoutTheImageTheGatewayOrItsKeyIsNamed() {
            assertEquals(List.of(), KeycloakProviderRules.kubernetes(Manifests.parse(GOOD_MANIFESTS), PROVIDER));
            assertEquals(List.of("Keycloak/relaydesk-keycloak runs image 'quay.io/keycloak/keycloak:26.7.3', not"
                    + " relaydesk/keycloak (deploy/keycloak/Dockerfile, the one with the login provider)"),
                    KeycloakProviderRules.kubernetes(Manifests.parse(GOOD_MANIFESTS.replace(
                            "registry.example.com/relaydesk/keycloak:0.1.0", "quay.io/keycloak/keycloak:26.7.3")), PROVIDER));
            assertEquals(List.of("Keycloak/relaydesk-keycloak sends logins to http://provider-gateway:8080: no Service of"
                    + " that name and port selects provider-gateway's pods"),
                    KeycloakProviderRules.kubernetes(Manifests.parse(GOOD_MANIFESTS.replace(
                            "http://provider-gateway:8086", "http://provider-gateway:8080")), PROVIDER));
            assertEquals(List.of("Keycloak/relaydesk-keycloak takes the internal key from other/api-key, not from the"
                    + " Secret provider-gateway reads RELAYDESK_INTERNAL_API_KEY from"),
                    KeycloakProviderRules.kubernetes(Manifests.parse(GOOD_MANIFESTS.replace(
                            "secret: {name: internal-key", "secret: {name: other")), PROVIDER));
            assertEquals(List.of("Keycloak/relaydesk-keycloak does not set spi-user-storage--relaydesk-login--internal-key",
                    "KeycloakRealmImport/relaydesk-realm has no relaydesk-login component"),
                    KeycloakProviderRules.kubernetes(Manifests.parse(GOOD_MANIFESTS
                            .replace("spi-user-storage--relaydesk-login--internal-key", "spi-other")
                            .replace("providerId: relaydesk-login", "providerId: ldap")), PROVIDER));
        }

        @Test
        void aComposeKeycloakThatIsNotBuiltOrHasAnotherKeyIsNamed() {
            String compose = """
                    services:
                      keycloak:
                        image: quay.io/keycloak/keycloak:26.4
                        environment:
                          KC_SPI_USER_STORAGE__RELAYDESK_LOGIN__GATEWAY_URL: http://provider-gateway:8086
                          KC_SPI_USER_STORAGE__RELAYDESK_LOGIN__INTERNAL_KEY: key-one
                      provider-gateway:
                        environment:
                          QUARKUS_HTTP_PORT: "8086"
                          RELAYDESK_INTERNAL_API_KEY: key-two
                    """;
            assertEquals(List.of("compose service keycloak runs image quay.io/keycloak/keycloak:26.4 without building it:"
                    + " the image must be built with the login provider (deploy/keycloak/Dockerfile)",
                    "compose service keycloak imports no realm with the relaydesk-login component",
                    "compose service keycloak's KC_SPI_USER_STORAGE__RELAYDESK_LOGIN__INTERNAL_KEY is not"
                            + " provider-gateway's RELAYDESK_INTERNAL_API_KEY: every login would be refused"),
                    KeycloakProviderRules.compose(Manifests.parseOne(compose), PROVIDER, new java.util.ArrayList<>()));
        }
    }
}
