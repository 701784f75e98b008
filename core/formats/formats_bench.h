#pragma once
// Benchmark of the mask and format layer: RLE encode + decode of a large mask,
// mask to polygons of the same, and a COCO export of many images.

#include <string>

namespace samsp::formats {

struct FormatsBenchOptions
{
    int maskSize = 4096;
    int cocoImages = 1000, cocoInstances = 5, cocoImageSize = 512;
    int runs = 5; // median of
};

struct FormatsBenchResult
{
    double rleEncodeMs = 0, rleDecodeMs = 0, rleRoundTripMs = 0;
    double polygonMs = 0;
    size_t polygonPoints = 0, rleCounts = 0;
    double cocoRleMs = 0, cocoPolygonMs = 0; // build + serialise + atomic write
    double cocoMegabytes = 0;
};

FormatsBenchResult runFormatsBenchmark(const FormatsBenchOptions& o);

} // namespace samsp::formats
