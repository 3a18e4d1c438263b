package uk.supervision.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's address for throttling and the activity log. The connection's own address, unless it
 * comes from a configured reverse proxy (supervision.security.trusted-proxies, empty by default): only
 * then are Forwarded / X-Forwarded-For read, from the right, skipping the trusted proxies, so a client
 * cannot choose its address by sending the header itself.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public class ClientAddressResolver implements HttpClientAddressResolver {
    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> trusted = new ArrayList<>();

    public ClientAddressResolver(SecuritySettings settings) {
        for (String entry : settings.getTrustedProxies()) {
            trusted.add(Range.parse(entry));
        }
    }

    @Override
    public String resolve(HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedChain(request);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = literal(hops.get(i));
            if (hop == null) {
                break; // unreadable or obfuscated: the last trusted hop is all we know
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress a = parse(address);
        return a != null && trusted.stream().anyMatch(r -> r.contains(a));
    }

    /** Forwarded (RFC 7239) when present, otherwise X-Forwarded-For; every header line, in order. */
    private static List<String> forwardedChain(HttpRequest<?> request) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = request.getHeaders().getAll("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String line : forwarded) {
                Matcher m = FORWARDED_FOR.matcher(line);
                while (m.find()) {
                    hops.add(m.group(1));
                }
            }
            return hops;
        }
        for (String line : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String part : line.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.trim());
                }
            }
        }
        return hops;
    }

    /** An IP literal from a forwarded value ("1.2.3.4", "1.2.3.4:80", "\"[2001:db8::1]:443\""), or null. */
    static String literal(String value) {
        String v = value.trim();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            v = end < 0 ? "" : v.substring(1, end);
        } else if (v.indexOf(':') == v.lastIndexOf(':') && v.contains(":")) {
            v = v.substring(0, v.indexOf(':')); // IPv4 with a port
        }
        InetAddress a = parse(v);
        return a == null ? null : a.getHostAddress();
    }

    /** Parses an IP literal only; never a DNS look-up. */
    static InetAddress parse(String s) {
        if (s == null || s.length() > 45 || !(V4.matcher(s).matches() || V6.matcher(s).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** One address or a CIDR range. */
    record Range(byte[] network, int prefix) {
        static Range parse(String entry) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            int slash = e.indexOf('/');
            InetAddress a = ClientAddressResolver.parse(slash < 0 ? e : e.substring(0, slash));
            if (a == null) {
                throw new IllegalArgumentException("supervision.security.trusted-proxies: not an IP address or CIDR range: " + entry);
            }
            int bits = a.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(e.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("supervision.security.trusted-proxies: bad prefix length in " + entry);
            }
            return new Range(a.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
