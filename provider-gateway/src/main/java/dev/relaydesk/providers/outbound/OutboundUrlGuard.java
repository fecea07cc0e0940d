package dev.relaydesk.providers.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps provider and webhook URLs from reaching inside our network (SSRF): the host is resolved, and every
 * address it resolves to must be public, unless an admin allow-listed the host (as written in the URL) or a
 * CIDR block holding the address. Checked when a URL is saved and again before every request, since DNS
 * answers change.
 */
@ApplicationScoped
public class OutboundUrlGuard {

    private final List<String> allowedHosts;
    private final List<Cidr> allowedBlocks;
    private final HostResolver resolver;

    @Inject
    OutboundUrlGuard(@ConfigProperty(name = "relaydesk.providers.allowed-hosts") Optional<List<String>> allowList) {
        this(allowList.orElse(List.of()), host -> InetAddress.getAllByName(host));
    }

    public OutboundUrlGuard(List<String> allowList, HostResolver resolver) {
        this.allowedHosts = allowList.stream().map(String::trim).filter(entry -> !entry.isEmpty() && !entry.contains("/"))
                .map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
        this.allowedBlocks = allowList.stream().map(String::trim).filter(entry -> entry.contains("/")).map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /** Resolves host names; a seam so tests can pin what a name resolves to. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Returns the URL as a URI when requests may go there; throws {@link RefusedUrlException} saying why not. */
    public URI check(String url) {
        URI uri = parse(url);
        String host = hostOf(uri);
        if (allowedHosts.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && allowedBlocks.stream().noneMatch(block -> block.contains(address))) {
                throw new RefusedUrlException("the host " + host + " resolves to an internal address ("
                        + address.getHostAddress() + "); an admin must allow-list it first");
            }
        }
        return uri;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("must not carry a user name or password");
        }
        return uri;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedUrlException("must name a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Loopback, link-local (cloud metadata), private, unspecified, multicast, carrier-grade NAT, IPv6 unique local. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        if (isIpv4Mapped(bytes)) {
            try {
                return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return (bytes[0] & 0xfe) == 0xfc;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
