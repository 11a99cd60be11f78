package id.sorot.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The portal's settings: off opens nothing; on needs a pemda and names only dashboards that can be public. */
class PublicPortalSettingsTest {

    @Test
    void off_opens_nothing_and_on_opens_the_named_dashboards_only() {
        assertThat(PublicPortal.off().opens("akip")).isFalse();
        PublicPortal on = new PublicPortal(true, List.of("3275"), List.of("akip", " opd ", "akip"), false, 600);
        assertThat(on.dashboards()).containsExactly("akip", "opd");
        assertThat(on.opens("akip")).isTrue();
        assertThat(on.opens("opd/:kode"))
                .as("the profile's route has a parameter")
                .isTrue();
        assertThat(on.opens("akip/lemah")).isFalse();
        assertThat(on.opens("impor")).isFalse();
        assertThat(on.opens("admin/pengguna")).isFalse();
    }

    @Test
    void on_without_a_pemda_or_with_a_page_that_cannot_be_public_does_not_start() {
        assertThatThrownBy(() -> new PublicPortal(true, List.of(), List.of("akip"), false, 600))
                .hasMessageContaining("sorot.public.pemda");
        assertThatThrownBy(() -> new PublicPortal(true, List.of("3275"), List.of("akip", "impor"), false, 600))
                .hasMessageContaining("'impor' is not a dashboard that can be public");
        assertThatThrownBy(() -> new PublicPortal(true, List.of("3275"), List.of("akip"), false, 120))
                .hasMessageContaining("heartbeat");
    }
}
