// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.platform.RenkeiHome;

class ConnectCommandTest {

    @TempDir
    Path dir;

    @Test
    void onlyHttpsUrlsWithAHost() {
        assertEquals("https://ops.example.ac.jp:8443", ConnectCommand.httpsUrl(" https://ops.example.ac.jp:8443 "));
        assertThrows(IllegalArgumentException.class, () -> ConnectCommand.httpsUrl("http://ops.example.ac.jp:8443"));
        assertThrows(IllegalArgumentException.class, () -> ConnectCommand.httpsUrl("https:///nohost"));
        assertThrows(IllegalArgumentException.class, () -> ConnectCommand.httpsUrl("ops.example.ac.jp"));
    }

    @Test
    void serverUrlIsSetAndEveryOtherLineKept() throws Exception {
        RenkeiHome home = new RenkeiHome(dir);
        ConnectCommand.writeServerUrl(home, "https://a.example.ac.jp:8443");
        assertEquals("server.url=https://a.example.ac.jp:8443", Files.readAllLines(home.configFile()).get(1));
        Files.writeString(home.configFile(), "# site\nmail.from=ops@example.ac.jp\nserver.url = https://old.example.ac.jp\n",
                StandardCharsets.UTF_8);
        ConnectCommand.writeServerUrl(home, "https://new.example.ac.jp:9443");
        assertEquals("# site\nmail.from=ops@example.ac.jp\nserver.url=https://new.example.ac.jp:9443\n",
                Files.readString(home.configFile(), StandardCharsets.UTF_8));
        assertEquals("https://new.example.ac.jp:9443", home.loadConfig().getProperty("server.url"));
    }
}
