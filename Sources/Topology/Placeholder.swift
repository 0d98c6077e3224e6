// Placeholder until the first real file of Topology lands.
import Foundation
