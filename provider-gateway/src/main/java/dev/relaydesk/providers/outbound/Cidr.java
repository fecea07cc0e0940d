package dev.relaydesk.providers.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 10.20.0.0/16} or {@code fd00::/8}, from the admin's allow-list. */
record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        try {
            String addressPart = text.substring(0, slash);
            if (!addressPart.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("relaydesk.providers.allowed-hosts: " + text + " is not a CIDR block");
            }
            byte[] network = InetAddress.getByName(addressPart).getAddress();
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("relaydesk.providers.allowed-hosts: bad prefix length in " + text);
            }
            return new Cidr(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("relaydesk.providers.allowed-hosts: " + text + " is not a CIDR block", e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
