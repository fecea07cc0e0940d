package dev.relaydesk.keycloak.login;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.UserModelDelegate;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;

/**
 * Users that exist only in the company's own directory. Keycloak asks this provider only about logins it does not
 * find in its own store (so local users never wait for the gateway); a user the gateway knows is imported, linked to
 * this component, and from then on every password is checked by the gateway, never stored in Keycloak. Sessions
 * and refresh tokens then work as for any Keycloak user, except that the directory is asked again whenever Keycloak
 * loads an imported user (a refresh, a return with an SSO session, a login): a user it no longer knows is disabled
 * in Keycloak, so the refresh fails, until the directory knows the user again.
 */
public class GatewayLoginProvider implements UserStorageProvider, UserLookupProvider, CredentialInputValidator,
        ImportedUserValidation {

    static final String CLIENT_ROLE = "client";
    private static final Logger LOG = Logger.getLogger(GatewayLoginProvider.class);

    private final KeycloakSession session;
    private final ComponentModel model;
    private final GatewayClient gateway;
    /** Logins the gateway did not know in this request: the login form asks by email, then by username. */
    private final Set<String> unknown = new HashSet<>();
    /** Imported users the directory was asked about in this request (Keycloak loads a user many times per request). */
    private final Map<String, Boolean> stillKnown = new HashMap<>();

    GatewayLoginProvider(KeycloakSession session, ComponentModel model, GatewayClient gateway) {
        this.session = session;
        this.model = model;
        this.gateway = gateway;
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return null; // imported users live in Keycloak's store under its own ids
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        return importIfKnown(realm, username);
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return importIfKnown(realm, email);
    }

    private UserModel importIfKnown(RealmModel realm, String login) {
        if (login == null || login.isBlank() || login.length() > 255) {
            return null;
        }
        String username = login.strip().toLowerCase(Locale.ROOT);
        if (!unknown.add(username)) {
            return null;
        }
        GatewayClient.Outcome user = gateway.lookup(username);
        if (!user.ok()) {
            return null;
        }
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        if (local.getUserByUsername(realm, username) != null) {
            return null; // created meanwhile (a parallel login): Keycloak finds it itself next time
        }
        String email = user.email() == null ? null : user.email().toLowerCase(Locale.ROOT);
        if (email != null && local.getUserByEmail(realm, email) != null) {
            LOG.warnf("Relay Desk login: %s is known to the login provider, but its email belongs to another"
                    + " account of realm %s; not imported", username, realm.getName());
            return null;
        }
        UserModel imported = local.addUser(realm, username);
        imported.setFederationLink(model.getId());
        imported.setEnabled(true);
        copyProfile(user, imported);
        if (CLIENT_ROLE.equals(user.role())) {
            RoleModel client = realm.getRole(CLIENT_ROLE);
            if (client != null) {
                imported.grantRole(client);
            }
        }
        stillKnown.put(imported.getId(), true);
        LOG.infof("Relay Desk login: imported %s into realm %s", username, realm.getName());
        return imported;
    }

    /** The login provider's answer wins: names and email follow the company's directory at each login. */
    private static void copyProfile(GatewayClient.Outcome from, UserModel to) {
        if (from.email() != null) {
            to.setEmail(from.email().toLowerCase(Locale.ROOT));
            to.setEmailVerified(from.emailVerified());
        }
        if (from.firstName() != null) {
            to.setFirstName(from.firstName());
        }
        if (from.lastName() != null) {
            to.setLastName(from.lastName());
        }
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return PasswordCredentialModel.TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType);
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType()) || input.getChallengeResponse() == null) {
            return false;
        }
        GatewayClient.Outcome answer = gateway.verify(user.getUsername(), input.getChallengeResponse());
        if (!answer.ok()) {
            return false;
        }
        stillKnown.put(user.getId(), true);
        String email = answer.email() == null ? null : answer.email().toLowerCase(Locale.ROOT);
        if (email == null || email.equals(user.getEmail()) || emailFree(realm, email)) {
            copyProfile(answer, user);
        }
        return true;
    }

    /**
     * Keycloak calls this each time it loads a user this provider imported (with the component's cache policy
     * NO_CACHE, at every use; with another policy, when the cached copy expires). The directory no longer knowing the
     * user (deleted, disabled, or no login provider any more) disables the account here, kept with its id and roles so
     * that it comes back as it was when the directory knows it again. When the directory cannot be asked, the user
     * stays as it is: an outage does not end everyone's sessions.
     */
    @Override
    public UserModel validate(RealmModel realm, UserModel user) {
        boolean known = stillKnown.computeIfAbsent(user.getId(), id -> {
            GatewayClient.Outcome answer = gateway.lookup(user.getUsername());
            if (!answer.ok() && answer.answered()) {
                LOG.infof("Relay Desk login: %s is no longer known to the login provider; disabled in realm %s",
                        user.getUsername(), realm.getName());
                return false;
            }
            return true;
        });
        return known ? user : new UserModelDelegate(user) {
            @Override
            public boolean isEnabled() {
                return false;
            }
        };
    }

    private boolean emailFree(RealmModel realm, String email) {
        return UserStoragePrivateUtil.userLocalStorage(session).getUserByEmail(realm, email) == null;
    }

    @Override
    public void close() {
    }
}
