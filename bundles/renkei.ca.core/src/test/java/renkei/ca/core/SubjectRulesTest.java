// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SubjectRulesTest {

    private final SubjectRules rules = new SubjectRules("/C=JP/O=HPCI/OU=Renkei CA", SubjectRules.DEFAULT_CLIENT_FORMAT);

    @Test
    void clientNameFollowsTheConfiguredFormat() {
        String cn = rules.clientCommonName(Map.of("givenName", "Taro", "sn", "Yamada", "hpciId", "hpci000123",
                "eduPersonPrincipalName", "taro@example.ac.jp"));
        assertEquals("Taro Yamada hpci000123", cn);
        assertEquals("C=JP,O=HPCI,OU=Renkei CA,CN=Taro Yamada hpci000123", rules.subject(cn).toString());
        SubjectRules familyFirst = new SubjectRules("C=JP,O=HPCI", "{sn} {givenName} {hpciId}");
        assertEquals("Yamada Taro hpci000123", familyFirst.clientCommonName(Map.of("givenName", "Taro", "sn", "Yamada", "hpciId", "hpci000123")));
    }

    @Test
    void missingOrNonRomanisedAttributesPreventIssuance() {
        CaException missing = assertThrows(CaException.class, () -> rules.clientCommonName(Map.of("givenName", "Taro", "hpciId", "hpci1")));
        assertTrue(missing.getMessage().contains("Attribute sn is missing"), missing.getMessage());
        CaException kanji = assertThrows(CaException.class,
                () -> rules.clientCommonName(Map.of("givenName", "太郎", "sn", "Yamada", "hpciId", "hpci1")));
        assertTrue(kanji.getMessage().contains("givenName"), kanji.getMessage());
    }

    @Test
    void hostNamesMustBeFullyQualified() {
        assertEquals("host01.example.ac.jp", SubjectRules.hostCommonName("Host01.Example.AC.JP."));
        assertThrows(CaException.class, () -> SubjectRules.hostCommonName("host01"));
        assertThrows(CaException.class, () -> SubjectRules.hostCommonName("192.168.0.10"));
        assertThrows(CaException.class, () -> SubjectRules.hostCommonName("bad_label.example.ac.jp"));
        assertThrows(CaException.class, () -> SubjectRules.hostCommonName("-x.example.ac.jp"));
        assertEquals("gridftp/host01.example.ac.jp", SubjectRules.serviceCommonName("gridftp", "host01.example.ac.jp"));
        assertThrows(CaException.class, () -> SubjectRules.serviceCommonName("grid ftp", "host01.example.ac.jp"));
    }

    @Test
    void baseMustBeADistinguishedNameWithoutCn() {
        assertThrows(IllegalArgumentException.class, () -> new SubjectRules("C=JP,CN=x", SubjectRules.DEFAULT_CLIENT_FORMAT));
        assertThrows(IllegalArgumentException.class, () -> new SubjectRules("not a dn", SubjectRules.DEFAULT_CLIENT_FORMAT));
        assertThrows(IllegalArgumentException.class, () -> new SubjectRules("C=JP", "constant"));
    }
}
