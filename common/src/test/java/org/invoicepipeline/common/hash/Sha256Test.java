package org.invoicepipeline.common.hash;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void hexesTheUtf8BytesWithTheStandardDigest() {
        // FIPS 180-2 test vector
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void prefixIsTheStartOfTheFullHex() {
        assertThat(Sha256.hexPrefix("abc", 40)).isEqualTo(Sha256.hex("abc").substring(0, 40)).hasSize(40);
    }
}
