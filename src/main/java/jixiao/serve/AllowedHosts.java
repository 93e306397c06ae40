package jixiao.serve;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Host} headers the preview answers: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}, the
 * {@code --bind} address as written and as an IP address, and the IP address a request arrived at, each
 * with the server's port (no port only when that is 80). A page on another site that resolves its own
 * name to 127.0.0.1 (DNS rebinding) still sends its own name as Host, and so reads nothing. An IP address
 * is safe to allow: a browser treats a page at one as an origin of its own, which no other site's page
 * can script.
 */
record AllowedHosts(Set<String> names, int port) {

    AllowedHosts {
        names = Set.copyOf(names);
    }

    static AllowedHosts of(String bind, InetAddress address, int port) {
        return new AllowedHosts(Set.copyOf(List.of("localhost", "127.0.0.1", "[::1]",
                literal(bind.toLowerCase(Locale.ROOT)), literal(address.getHostAddress()))), port);
    }

    /** Whether a request with these Host headers (null or several: no) that arrived at {@code local} is answered. */
    boolean allows(List<String> hosts, InetAddress local) {
        if (hosts == null || hosts.size() != 1) return false;
        String host = hosts.get(0).trim().toLowerCase(Locale.ROOT);
        String name;
        String portText;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) return false;
            name = host.substring(0, end + 1);
            portText = host.substring(end + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            portText = colon < 0 ? "" : host.substring(colon);
        }
        boolean portMatches = portText.isEmpty() ? port == 80 : portText.equals(":" + port);
        if (!portMatches) return false;
        return names.contains(name) || (local != null && name.equals(literal(local.getHostAddress())));
    }

    /** An IP address as a Host header writes it: IPv6 in brackets, without a zone. */
    private static String literal(String address) {
        if (!address.contains(":") || address.startsWith("[")) return address;
        int zone = address.indexOf('%');
        String bare = zone < 0 ? address : address.substring(0, zone);
        try {
            // The shortest form, as a browser writes it: [::1], not [0:0:0:0:0:0:0:1].
            return "[" + compressed(InetAddress.getByName(bare).getAddress(), bare) + "]";
        } catch (java.net.UnknownHostException e) {
            return "[" + bare + "]";
        }
    }

    /** RFC 5952's text of an IPv6 address: lower case, leading zeros dropped, the longest run of zero groups as ::. */
    private static String compressed(byte[] bytes, String fallback) {
        if (bytes.length != 16) return fallback;
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') text.append(':');
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
