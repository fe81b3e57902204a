package com.ipexpert.analyst.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    static final String CISCO = """
            hostname BR-2921
            enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM
            username admin privilege 15 secret 8 $8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs
            username oper password 7 0822455D0A16544541
            enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0
            crypto isakmp key 6 Q`bGYI]hXOIEdfQCfDOaEQRiZZHEAAB address 203.0.113.50
            snmp-server community N0c-R3adOnly RO
            router bgp 65010
             neighbor 203.0.113.9 password 7 13061E010803557878
            interface GigabitEthernet0/1
             ip ospf message-digest-key 1 md5 7 104D000A0618
            tacacs-server key 7 0703204E5F1C
            line vty 0 4
             password Cisco123
            """;

    static final String HUAWEI = """
            #
            interface GigabitEthernet0/0/1
             ip address 10.1.12.1 255.255.255.252
             ospf authentication-mode md5 1 cipher %^%#Wq^aCF$TA4Z7v*W=rj3Eg/;+<#S2XA5H}Z.O:D2Y%^%#
            #
            aaa
             local-user admin password irreversible-cipher $1a$Lm2q!XwG#7$Yf8@wE0u>Tg^}pHb2z_X<,L}$
            snmp-agent community read cipher %^%#y0&Kl|Y/H3gP;4S!F9]A+U@6+QvOCb5$RbW%^%#
            snmp-agent community write Pr1vate-RW
            ike peer hq
             pre-shared-key cipher %^%#Zt+9=K{q1T$A@m3%^%#
            #
            """;

    static final String JUNIPER = """
            system {
                root-authentication {
                    encrypted-password "$6$Bq9c2$Jq8kZr1mC3z0Lr/7Gx5yWmXtPQ0"; ## SECRET-DATA
                }
                login {
                    user noc {
                        authentication {
                            encrypted-password "$6$abcd$EFGHijkLMNopqrst"; ## SECRET-DATA
                        }
                    }
                }
            }
            protocols {
                ospf {
                    area 0.0.0.0 {
                        interface xe-0/1/0.0 {
                            authentication {
                                md5 1 key "$9$Hk5FCtOIRhrevWXNdsYGU"; ## SECRET-DATA
                            }
                        }
                    }
                }
            }
            set security ike policy IKE-POL pre-shared-key ascii-text "$9$Ap0u1hyKMX-bs2aZ"
            set snmp community s3cr3tComm authorization read-only
            set protocols bgp group EBGP authentication-key "$9$lAkvWx-dbgaUH.5F"
            """;

    @Test
    void a_cisco_configuration_keeps_its_keywords_and_loses_every_secret() {
        SecretMasker.Masked m = SecretMasker.mask(CISCO);

        assertThat(m.text()).doesNotContain("nhEmQVczB7dqsO", "dsYGNam3K1SIJO", "0822455D0A16544541", "mERr$hx5rVt7",
                "Q`bGYI]hXOIEdfQ", "N0c-R3adOnly", "13061E010803557878", "104D000A0618", "0703204E5F1C", "Cisco123");
        assertThat(m.text()).contains("enable secret 9 <masked:cisco-secret-9>", "secret 8 <masked:cisco-secret-8>",
                "password 7 <masked:cisco-type7>", "enable secret 5 <masked:cisco-secret-5>",
                "snmp-server community <masked:snmp-community> RO", "address 203.0.113.50", "hostname BR-2921");
        assertThat(m.kinds()).containsKeys("cisco-secret-9", "cisco-secret-8", "cisco-secret-5", "cisco-type7",
                "pre-shared-key", "snmp-community", "authentication-key", "password");
    }

    @Test
    void a_huawei_configuration_loses_its_cipher_values_and_communities() {
        SecretMasker.Masked m = SecretMasker.mask(HUAWEI);

        assertThat(m.text()).doesNotContain("Wq^aCF", "Lm2q!XwG", "y0&Kl|Y", "Pr1vate-RW", "Zt+9=K");
        assertThat(m.text()).contains("ospf authentication-mode md5 1 cipher <masked:huawei-cipher>",
                "password irreversible-cipher <masked:huawei-cipher>", "snmp-agent community write <masked:snmp-community>",
                "ip address 10.1.12.1 255.255.255.252");
        assertThat(m.kinds()).containsEntry("huawei-cipher", 4).containsEntry("snmp-community", 1);
    }

    @Test
    void a_juniper_configuration_loses_its_encrypted_passwords_and_dollar_nine_keys() {
        SecretMasker.Masked m = SecretMasker.mask(JUNIPER);

        assertThat(m.text()).doesNotContain("Bq9c2$Jq8", "abcd$EFGH", "$9$Hk5F", "$9$Ap0u", "s3cr3tComm", "$9$lAkv");
        assertThat(m.text()).contains("encrypted-password <masked:juniper-encrypted-password>", "interface xe-0/1/0.0",
                "set snmp community <masked:snmp-community> authorization read-only");
        assertThat(m.kinds()).containsKeys("juniper-encrypted-password", "juniper-$9$", "snmp-community");
    }

    @Test
    void a_private_key_is_masked_whole() {
        String pem = "crypto pki import\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx3\nQ9n+abc==\n-----END RSA PRIVATE KEY-----\n";
        SecretMasker.Masked m = SecretMasker.mask(pem);
        assertThat(m.text()).doesNotContain("MIIEowIBAAKCAQEAx3", "Q9n+abc").contains("-----BEGIN RSA PRIVATE KEY-----", "<masked:private-key>");
        assertThat(m.kinds()).containsEntry("private-key", 1);
    }

    @Test
    void prose_about_passwords_is_left_alone_and_masking_twice_changes_nothing() {
        String prose = "OSPF neighbour stuck, the password is not configured and no secret key either; 认证没有配置";
        assertThat(SecretMasker.mask(prose).text()).isEqualTo(prose);
        assertThat(SecretMasker.mask(prose).masked()).isFalse();

        String once = SecretMasker.mask(CISCO + HUAWEI + JUNIPER).text();
        SecretMasker.Masked twice = SecretMasker.mask(once);
        assertThat(twice.text()).isEqualTo(once);
        assertThat(twice.masked()).isFalse();
        assertThat(SecretMasker.maskedIn(once)).containsKeys("cisco-type7", "huawei-cipher", "juniper-$9$");
    }
}
