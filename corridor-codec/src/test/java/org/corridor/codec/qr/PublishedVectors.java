package org.corridor.codec.qr;

/**
 * Merchant-presented payloads published by others, each checked against an independent CRC computation
 * before it was copied here. They are data, not code: the strings as their sources print them.
 */
final class PublishedVectors {
    private PublishedVectors() {}

    /**
     * The vector in DOMAIN.md of the team guide, from the README of the MIT-licensed emv-qr-code library
     * (github.com/phannaly/emv-qr-code): dynamic, USD 10.00, a primitive UnionPay account (ID 15), and a
     * 16-character city, one over the specification's limit. CRC 1FF2.
     */
    static final String KUNTHEAS_SHOP = "00020101021252044131153137210116372101160123456789ABCDE6016Banteay Meanchey"
            + "5913Kuntheas Shop5802KH540510.005303840621201081234567863041FF2";

    /**
     * The example payload of the EMVCo specification itself (EMV QRCPS merchant-presented mode), also
     * reproduced in the README of github.com/dongri/emv-qrcode and in the tests of several libraries: two
     * template accounts (29, 31), CNY 23.72, a tip prompt (55), the additional data template, the language
     * template in Chinese (UTF-8: the lengths count characters) and an unreserved template (91). CRC A13A.
     */
    static final String EMVCO_BEST_TRANSPORT = "00020101021229300012D156000000000510A93FO3230Q"
            + "31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING"
            + "64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME"
            + "91320016A0112233449988770708123456786304A13A";

    /**
     * The static Pix code of Banco Central do Brasil's "Manual de Padrões para Iniciação do Pix" (a BR Code,
     * which is an EMVCo merchant-presented payload): no point of initiation, no amount, a template account
     * 26 with the identifier br.gov.bcb.pix and a key, BRL, reference label ***. CRC 1D3D.
     */
    static final String PIX_FULANO_DE_TAL = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
            + "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";

    /**
     * The encoder output printed in the README of github.com/dongri/emv-qrcode: its CRC (C343) is right,
     * but it writes JPY (392), which has no minor unit, as 999.123. Corridor refuses it: amount_invalid.
     */
    static final String DONGRI_JPY_WITH_DECIMALS = "0002010102121313JCB12345678900416MASTER1234567890"
            + "5204531153033925407999.1235802JP5906DONGRI6005TOKYO62240104hoge0504fuga0704piyo6304C343";
}
