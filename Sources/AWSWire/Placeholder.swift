// Placeholder until the first real file of AWSWire lands.
import Foundation
