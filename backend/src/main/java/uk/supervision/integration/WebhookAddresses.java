package uk.supervision.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which webhook endpoints the system may call: public addresses only, so an administrator cannot point the
 * signed requests (or read the delivery log as a scanner) at this machine, the cloud metadata service or the
 * organisation's private network. Checked when an endpoint is registered and again, on the resolved address,
 * immediately before every send (a name can be re-pointed after registration).
 */
final class WebhookAddresses {
    /** A host that only a numeric-address parser would read: 2130706433, 0x7f.1, 017700000001, 127.1 ... */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private WebhookAddresses() {
    }

    /** The host as written in a URL, lower case, without IPv6 brackets. */
    static String host(String uriHost) {
        String h = uriHost == null ? "" : uriHost.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** This machine, by the two names the test setting allow-insecure-localhost lets through. */
    static boolean isLocalhostName(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1");
    }

    /** A host whose last label is a number but which is not a plain dotted-quad address: a numeric trick. */
    static boolean isNumericTrick(String host) {
        if (host.contains(":")) {
            return false;   // an IPv6 literal, judged by its address
        }
        String[] labels = host.split("\\.", -1);
        return NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !DOTTED_QUAD.matcher(host).matches();
    }

    /** An address literal (IPv4 dotted quad or IPv6), parsed without asking DNS; null for a name. */
    static InetAddress literal(String host) {
        if (!host.contains(":") && !DOTTED_QUAD.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host);   // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Every address the host has now (the literal itself for an address). */
    static List<InetAddress> resolve(String host) throws UnknownHostException {
        InetAddress literal = literal(host);
        return literal != null ? List.of(literal) : List.of(InetAddress.getAllByName(host));
    }

    /**
     * A public unicast address: not unspecified, loopback, link-local (169.254/16, fe80::/10, the metadata
     * service), private (RFC 1918, shared 100.64/10, ULA fc00::/7, site-local), multicast, broadcast or
     * 0.0.0.0/8; an IPv4 address inside IPv6 (mapped, compatible, NAT64 well-known) is judged as IPv4.
     */
    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = isZero(b, 0, 12);
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
            if (mapped || compatible || nat64) {
                return isPublicV4(new byte[]{b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return false;   // unique local fc00::/7
            }
            return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress());
        }
        return address instanceof Inet4Address && isPublicV4(b);
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || (a0 == 169 && a1 == 254) || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168) || (a0 == 100 && a1 >= 64 && a1 <= 127) || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0)
                || (a0 == 198 && (a1 == 18 || a1 == 19)) || a0 >= 224);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
