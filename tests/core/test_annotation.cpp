// COCO RLE exactly as pycocotools encodes it; values worked out by hand.

#include "annotation/mask.h"

#include <QtTest>

#include <random>

using namespace samsp::annotation;

class TestAnnotation : public QObject
{
    Q_OBJECT
private slots:
    void countsAreColumnMajorStartingWithZeros()
    {
        // 3 rows x 2 columns: [0 1; 1 1; 0 0] -> column-major 0,1,0, 1,1,0 -> runs 1,1,1,2,1
        const uint8_t m[] = {0, 1, 1, 1, 0, 0};
        Rle r = rleEncode(m, 3, 2);
        QCOMPARE(r.counts, (std::vector<uint32_t>{1, 1, 1, 2, 1}));
        QCOMPARE(rleArea(r), uint64_t(3));
        // Hand-worked string: 1,1,1 -> "111"; then 2-1=1 -> "1"; 1-1=0 -> "0".
        QCOMPARE(rleToString(r), std::string("11110"));
    }

    void stringEncodingUsesDeltasAndSignedFiveBitGroups()
    {
        // counts 3,5,2,1: the 4th is coded as 1-5 = -4 -> (-4 & 31) = 28, sign bit set, no continuation -> 'L'.
        Rle r{11, 1, {3, 5, 2, 1}};
        QCOMPARE(rleToString(r), std::string("352L"));
        // 100 = 4 + 3*32 -> groups 4 (with continuation: 36) and 3 -> 'T', '3'.
        Rle big{100, 1, {100}};
        QCOMPARE(rleToString(big), std::string("T3"));
        QCOMPARE(rleFromString("352L", 11, 1).counts, r.counts);
        QCOMPARE(rleFromString("T3", 100, 1).counts, big.counts);
    }

    void roundTripOnRandomMasks()
    {
        std::mt19937 rng(5);
        for (int t = 0; t < 50; ++t) {
            const int h = 1 + int(rng() % 40), w = 1 + int(rng() % 40);
            std::vector<uint8_t> m(size_t(h * w));
            for (auto& v : m) v = (rng() % 5) == 0;
            Rle r = rleEncode(m.data(), h, w);
            QCOMPARE(rleDecode(r), m);
            QCOMPARE(rleFromString(rleToString(r), h, w).counts, r.counts);
        }
    }

    void malformedStringsAreErrors()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, rleDecode(rleFromString("99", 2, 2)));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, rleFromString("\x01", 2, 2));
    }
};

QTEST_GUILESS_MAIN(TestAnnotation)
#include "test_annotation.moc"
